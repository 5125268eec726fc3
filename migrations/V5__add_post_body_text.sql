-- The body as plain text (no Markdown syntax), for search snippets; filled by the next import.
alter table posts add column body_text text not null default '';

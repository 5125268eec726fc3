-- A tag of another script ("日本語") has a percent-encoded slug, nine characters a letter.
alter table tags alter column slug type varchar(300);
alter table tags alter column name type varchar(300);

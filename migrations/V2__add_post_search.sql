-- Full-text search over title (weight A), summary (B) and body (C), kept up to date by PostgreSQL.
-- [jooq ignore start]
alter table posts add column search_vector tsvector generated always as (
    setweight(to_tsvector('english', coalesce(title, '')), 'A') ||
    setweight(to_tsvector('english', coalesce(summary, '')), 'B') ||
    setweight(to_tsvector('english', coalesce(body_markdown, '')), 'C')
) stored;

create index posts_search_vector_idx on posts using gin (search_vector);
-- [jooq ignore stop]

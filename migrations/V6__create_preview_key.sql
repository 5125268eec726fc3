-- The secret that makes a draft's preview address unguessable: the address is an HMAC of the
-- post's slug under this key. Made here, once per database, so it is never in the repository;
-- one row (deleting it and running the insert again retires every preview address at once).
create table preview_key (
    id     integer not null default 1 primary key,
    secret bytea   not null,
    constraint preview_key_one_row check (id = 1)
);

-- [jooq ignore start]
-- Two version-4 UUIDs: 244 bits from PostgreSQL's strong random source (pg_strong_random).
insert into preview_key (secret)
values (decode(replace(gen_random_uuid()::text || gen_random_uuid()::text, '-', ''), 'hex'));
-- [jooq ignore stop]

-- Files beside posts (content/posts/SLUG/...) and site-wide files (content/static/...), stored
-- once per content hash in chunks, so the server streams a large file without holding it whole.
create table files (
    hash         varchar(64)  not null primary key,
    content_type varchar(200) not null,
    size         bigint       not null,
    -- Pixel size of an image the import could read; null for other files.
    width        integer,
    height       integer,
    created_at   timestamp with time zone not null default now()
);

create table file_chunks (
    hash  varchar(64) not null references files (hash) on delete cascade,
    seq   integer     not null,
    data  bytea       not null,
    primary key (hash, seq)
);

-- Smaller copies of a wide image for srcset, made once per source hash and kept while used.
create table file_variants (
    source_hash  varchar(64) not null references files (hash) on delete cascade,
    width        integer     not null,
    variant_hash varchar(64) not null references files (hash) on delete cascade,
    primary key (source_hash, width)
);

-- The addresses a post's files (and their variants) are served at; the address holds the hash.
create table post_files (
    post_id bigint        not null references posts (id) on delete cascade,
    path    varchar(2000) not null,
    hash    varchar(64)   not null references files (hash),
    primary key (post_id, path)
);

create index post_files_hash_idx on post_files (hash);

-- content/static/x is served at /x.
create table static_files (
    path varchar(2000) not null primary key,
    hash varchar(64)   not null references files (hash)
);

-- The post's picture for social previews (front matter "image:", else its first image).
alter table posts add column image varchar(2000);

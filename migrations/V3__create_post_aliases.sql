-- Old paths of a post (front matter "aliases:"), answered with a 301 to the post.
create table post_aliases (
    path    varchar(500) not null primary key,
    post_id bigint       not null references posts (id) on delete cascade
);

create index post_aliases_post_id_idx on post_aliases (post_id);

-- Front matter "toc: true": show a table of contents above the post.
alter table posts add column toc boolean not null default false;

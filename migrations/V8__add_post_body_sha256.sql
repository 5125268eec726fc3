-- The SHA-256 of each post's body_html (as UTF-8, in hex), kept by PostgreSQL. A starting server
-- asks for it for every post, to know which bodies its state directory holds already: computed in
-- that query, PostgreSQL read and hashed every body at every start (35 ms of a 1 s start at 1,000
-- posts, ten times that at 10,000); kept here, it is computed once per write.
-- A trigger, not a generated column: convert_to is only stable, not immutable. Older releases
-- write posts without it and the trigger fills it in.
-- home-web: backward-compatible
-- [jooq ignore start]
alter table posts add column body_sha256 text;

create function posts_body_sha256() returns trigger language plpgsql as $$
begin
    new.body_sha256 := encode(sha256(convert_to(new.body_html, 'UTF8')), 'hex');
    return new;
end
$$;

create trigger posts_body_sha256 before insert or update on posts
    for each row execute function posts_body_sha256();

update posts set body_sha256 = encode(sha256(convert_to(body_html, 'UTF8')), 'hex');

alter table posts alter column body_sha256 set not null;
-- [jooq ignore stop]

package dev.homeweb.browser;

import dev.homeweb.testing.ContentDir;
import java.util.List;

/**
 * Posts written for the browser and HTML checks, next to the repository's samples: a showcase of
 * every Markdown feature, code in several languages, tables, and tags shared between posts. All are
 * dated before the samples, so the showcase is on the first index page and the oldest on the
 * second.
 */
final class GeneratedPosts {
    static final String SHOWCASE_SLUG = "everything-a-post-can-contain";

    private GeneratedPosts() {}

    private record Generated(
            String slug, String title, String date, String tags, String summary, String body) {
        String markdown() {
            return "---\ntitle: \"%s\"\ndate: %s\ntags: [%s]\nsummary: \"%s\"\n---\n%s"
                    .formatted(title, date, tags, summary, body);
        }
    }

    /** Writes every generated post into {@code content} and returns their slugs. */
    static List<String> writeTo(ContentDir content) {
        return POSTS.stream()
                .map(
                        post -> {
                            content.post(post.slug() + ".md", post.markdown());
                            return post.slug();
                        })
                .toList();
    }

    private static final List<Generated> POSTS =
            List.of(
                    new Generated(
                            SHOWCASE_SLUG,
                            "Everything a post can contain",
                            "2026-11-19T08:30:00Z",
                            "markdown, writing, postgresql",
                            "Headings, lists, a table, code in three languages and a quote: the"
                                    + " page that shows every style at once.",
                            """
                            A post is **Markdown**, with *emphasis*, `inline code`, ~~mistakes~~
                            and links, [inside the site](/blog/writing-posts) or out to
                            https://commonmark.org.

                            ## Lists

                            - Plain items, one per line
                            - Items with a nested list:
                              - first nested item
                              - second nested item
                            - A last item

                            1. Numbered steps
                            2. Keep their order
                            3. And their numbers

                            ## A table

                            | Setting         | Default     | Meaning                           |
                            |:----------------|:-----------:|----------------------------------:|
                            | `port`          | 8080        | where the server listens          |
                            | `base-url`      | (local)     | the address in feeds and links    |
                            | `discuss-email` | none        | shown under every post            |

                            ## Code

                            ```java
                            record Slug(String value) {
                                Slug {
                                    if (!value.matches("[a-z0-9-]+")) {
                                        throw new IllegalArgumentException("bad slug: " + value);
                                    }
                                }
                            }
                            ```

                            ```sql
                            select slug, title
                              from posts
                             where published_at <= now()
                             order by published_at desc
                             limit 10;
                            ```

                            ```sh
                            java -jar app/target/home-web.jar serve --port 8080
                            ```

                            ### A quotation

                            > Simplicity is prerequisite for reliability.
                            >
                            > — Edsger W. Dijkstra

                            ***

                            That is all: every other post uses a subset of these.
                            """),
                    new Generated(
                            "ranking-search-results-with-postgresql",
                            "Ranking search results with PostgreSQL",
                            "2026-11-12T10:00:00Z",
                            "postgresql, search",
                            "Full-text search without another server: tsvector, websearch_to_tsquery"
                                    + " and ts_rank.",
                            """
                            PostgreSQL has had full-text search for years, and for a blog it is
                            plenty. A generated column keeps the document up to date:

                            ```sql
                            alter table posts add column search tsvector
                              generated always as (
                                setweight(to_tsvector('english', title), 'A') ||
                                setweight(to_tsvector('english', body_text), 'B')
                              ) stored;
                            create index posts_search on posts using gin (search);
                            ```

                            A query typed by a reader goes through `websearch_to_tsquery`, which
                            never fails on odd input such as an unclosed quote.
                            """),
                    new Generated(
                            "a-systemd-unit-for-a-java-service",
                            "A systemd unit for a Java service",
                            "2026-11-08T18:00:00Z",
                            "systemd, deploy",
                            "Credentials, a dedicated user and a restart policy, in fifteen lines.",
                            """
                            A service that holds a database password should not read it from an
                            environment variable. systemd can hand it over as a credential:

                            ```ini
                            [Service]
                            DynamicUser=yes
                            LoadCredential=database-url:/etc/credstore/home-web.database-url
                            ExecStart=/usr/bin/java -jar /opt/home-web/home-web.jar serve
                            Restart=on-failure
                            ```

                            The server then reads `$CREDENTIALS_DIRECTORY/database-url`.
                            """),
                    new Generated(
                            "records-and-sealed-interfaces",
                            "Records and sealed interfaces in Java 17",
                            "2026-11-02T07:45:00Z",
                            "java",
                            "Closed sets of outcomes that the compiler checks for you.",
                            """
                            A deploy either succeeds, rolls back or fails before it changed
                            anything. A sealed interface says so, and a switch over it must
                            handle every case:

                            ```java
                            sealed interface Outcome permits Deployed, RolledBack, Refused {}

                            record Deployed(String release) implements Outcome {}

                            record RolledBack(String release, String reason) implements Outcome {}

                            record Refused(String reason) implements Outcome {}
                            ```
                            """),
                    new Generated(
                            "backups-with-pg-dump-and-age",
                            "Backups with pg_dump and age",
                            "2026-10-27T21:10:00Z",
                            "postgresql, backup",
                            "A nightly, encrypted, tested backup in one pipe.",
                            """
                            The dump is encrypted before it touches the disk:

                            ```sh
                            pg_dump --format=custom home_web \\
                              | age --recipient "$(cat ~/.config/age/backup.pub)" \\
                              > "backups/home_web-$(date +%F).dump.age"
                            ```

                            A backup nobody restored is a hope, not a backup: restore one every
                            month into a scratch database.
                            """),
                    new Generated(
                            "notes-on-http-caching",
                            "Notes on HTTP caching",
                            "2026-10-20T12:00:00Z",
                            "http",
                            "ETags, Last-Modified and which Cache-Control for which response.",
                            """
                            | Response            | Cache-Control                         |
                            |---------------------|---------------------------------------|
                            | pages and feeds     | `no-cache` (revalidate every time)    |
                            | hashed CSS          | `public, max-age=31536000, immutable` |
                            | health check        | `no-store`                            |

                            A strong ETag is a hash of the exact bytes; a weak comparison is
                            enough for `If-None-Match`.
                            """),
                    new Generated(
                            "choosing-colours-everyone-can-read",
                            "Choosing colours that everyone can read",
                            "2026-10-14T09:00:00Z",
                            "accessibility, css",
                            "Contrast ratios, focus outlines and a dark palette that is not pure"
                                    + " black.",
                            """
                            Text needs a contrast ratio of at least 4.5:1 against its background
                            (3:1 for large text). Three habits help:

                            - pick the colours once, as custom properties;
                            - check both palettes, light and dark;
                            - never remove the focus outline without putting a better one back.
                            """),
                    new Generated(
                            "a-dark-palette-with-one-media-query",
                            "A dark palette with one media query",
                            "2026-10-09T19:30:00Z",
                            "css, accessibility",
                            "Custom properties make the dark theme a dozen lines.",
                            """
                            ```css
                            @media (prefers-color-scheme: dark) {
                              :root {
                                --bg: #15181c;
                                --fg: #e6e8eb;
                              }
                            }
                            ```

                            Every rule uses `var(--bg)` and `var(--fg)`, so nothing else changes.
                            """),
                    new Generated(
                            "why-migrations-are-append-only",
                            "Why migrations are append-only",
                            "2026-10-03T16:20:00Z",
                            "postgresql, deploy",
                            "A merged migration has run somewhere: change it and the databases"
                                    + " disagree.",
                            """
                            Flyway records a checksum of every migration it applied. Editing
                            `V1__create_posts.sql` after it ran makes the next start refuse, and
                            rightly so: write `V4__add_column.sql` instead.
                            """),
                    new Generated(
                            "putting-nginx-in-front",
                            "Putting nginx in front",
                            "2026-09-28T11:00:00Z",
                            "deploy, http",
                            "TLS, HTTP/2 and compression at the edge; the server stays simple.",
                            """
                            ```nginx
                            server {
                                listen 443 ssl http2;
                                server_name blog.example.org;
                                location / {
                                    proxy_pass http://127.0.0.1:8080;
                                }
                            }
                            ```
                            """),
                    new Generated(
                            "reading-list-for-the-winter",
                            "Reading list for the winter",
                            "2026-09-15T20:00:00Z",
                            "books",
                            "Four books about software that have aged well.",
                            """
                            1. *The Mythical Man-Month*, Frederick P. Brooks Jr.
                            2. *A Philosophy of Software Design*, John Ousterhout
                            3. *Designing Data-Intensive Applications*, Martin Kleppmann
                            4. *The Design of Everyday Things*, Don Norman

                            > Adding manpower to a late software project makes it later.
                            """),
                    new Generated(
                            "a-post-with-a-rather-long-title-to-see-how-headings-wrap",
                            "A post with a rather long title, to see how headings wrap on a"
                                    + " narrow phone screen",
                            "2026-09-01T06:00:00Z",
                            "meta",
                            "Long words such as internationalization and long titles must not"
                                    + " push the page sideways.",
                            """
                            Supercalifragilisticexpialidocious, internationalization and
                            `a_very_long_identifier_that_does_not_break_at_all_in_monospace` are
                            all here to test wrapping.
                            """),
                    new Generated(
                            "hello-world",
                            "Hello, world",
                            "2026-08-20T12:00:00Z",
                            "meta",
                            "The first post, kept for history.",
                            """
                            This blog now runs on its own server. More soon.

                            ![The home-web icon, a small house](/favicon.ico)
                            """));
}

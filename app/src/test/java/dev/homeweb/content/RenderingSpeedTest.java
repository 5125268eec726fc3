package dev.homeweb.content;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Rendering happens once per changed post at import, and import speed is compared with Hugo's: this
 * prints what rendering costs and fails only if it becomes absurdly slow.
 */
class RenderingSpeedTest {
    private static final int POSTS = 1_000;

    @Test
    void rendersAThousandTypicalPostsQuickly() {
        long built = System.nanoTime();
        var renderer = new MarkdownRenderer();
        long ready = System.nanoTime();
        var posts = new ArrayList<String>();
        for (int i = 0; i < POSTS; i++) {
            posts.add(typicalPost(i));
        }
        render(renderer, posts.subList(0, 200)); // warm up the JIT, as a real import does

        var threads = ManagementFactory.getThreadMXBean();
        long cpuStart = threads.getCurrentThreadCpuTime();
        long start = System.nanoTime();
        int bytes = render(renderer, posts);
        long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
        long cpuMillis =
                TimeUnit.NANOSECONDS.toMillis(threads.getCurrentThreadCpuTime() - cpuStart);

        double kilobytes = posts.stream().mapToInt(String::length).average().orElseThrow() / 1024;
        // CPU time too: on a machine shared with other builds, wall time mostly measures waiting.
        System.out.printf(
                "MarkdownRenderer: built in %d ms; %d posts of %.1f KB rendered in %d ms"
                        + " (%d ms CPU): %.2f ms/post, %.2f ms/post CPU; %d KB of HTML%n",
                TimeUnit.NANOSECONDS.toMillis(ready - built),
                POSTS,
                kilobytes,
                millis,
                cpuMillis,
                (double) millis / POSTS,
                (double) cpuMillis / POSTS,
                bytes / 1024);
        assertThat(kilobytes).isBetween(6.5, 7.5);
        assertThat(cpuMillis).as("CPU ms for %d posts", POSTS).isLessThan(25L * POSTS);
    }

    private static int render(MarkdownRenderer renderer, List<String> posts) {
        int bytes = 0;
        for (var post : posts) {
            bytes += renderer.render(post, true).html().length();
        }
        return bytes;
    }

    /**
     * About 7 KB: headings, prose, lists, a table, a footnote and three highlighted code blocks.
     */
    static String typicalPost(int n) {
        var post = new StringBuilder();
        post.append("Post number ").append(n).append(" starts with an introduction.\n\n");
        post.append(
                """
                It says what the post is about and why anyone would read it: a small server that
                renders Markdown once, at import, stores the HTML in PostgreSQL, and serves pages
                without touching the Markdown again. The rest of the post walks through the parts,
                with code, a table and a footnote, the way a technical blog post usually does.

                """);
        for (int section = 1; section <= 6; section++) {
            post.append("## Section ").append(section).append(" of post ").append(n).append("\n\n");
            post.append(
                    """
                    Running a blog on your own machine means *owning* the stack: the server, the
                    database and the deploy. This paragraph links to [the docs](https://example.org/docs)
                    and mentions `home-web import`, **twice**, so that the inline parser has work to do;
                    https://example.org/autolinked also appears.[^note]

                    - a list item with `code`
                    - [x] a finished task
                    - another item, with _emphasis_

                    """);
            post.append("### Details ").append(section).append("\n\n");
            post.append(
                    """
                    A second paragraph of ordinary prose follows here, long enough to wrap over a few
                    lines in the source file, as paragraphs in real posts do; nothing in it is special
                    except a ~~struck~~ word and a number: 42.

                    > A quotation from somebody else's post, with a [link](/blog/elsewhere) in it,
                    > because posts quote each other; it runs over two lines.

                    And a closing paragraph that sums the section up in a sentence or two, with one
                    more `inline code` span and an image: ![a diagram](/img/diagram.png){width=640}.

                    """);
        }
        post.append(
                """
                | tool | files | seconds |
                |------|------:|--------:|
                | Hugo | 1 | 0.4 |
                | home-web | 1 | 0.5 |

                ```java
                /** Imports posts. */
                public final class Importer {
                    private final PostRepository posts;

                    public Importer(PostRepository posts) {
                        this.posts = Objects.requireNonNull(posts, "posts");
                    }

                    public ImportReport run(Path directory) throws IOException {
                        var report = new ImportReport();
                        try (var files = Files.list(directory)) {
                            for (var file : files.toList()) {
                                if (file.toString().endsWith(".md")) {
                                    report.add(posts.save(read(file))); // one by one
                                }
                            }
                        }
                        return report;
                    }
                }
                ```

                ```sh
                # Build and deploy.
                mvn -B -q package -DskipTests
                scp app/target/home-web.jar "$HOST:/srv/home-web/"
                ssh "$HOST" 'systemctl restart home-web' && echo "deployed $VERSION"
                ```

                ```yaml
                title: A post
                date: 2026-11-21
                tags: [java, blogging]
                draft: false
                ```

                [^note]: A footnote with a [link](https://example.org/footnote).
                """);
        return post.toString();
    }
}

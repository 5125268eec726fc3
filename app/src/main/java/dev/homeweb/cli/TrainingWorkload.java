package dev.homeweb.cli;

import dev.homeweb.content.ContentReader;
import dev.homeweb.content.MarkdownRenderer;
import dev.homeweb.content.Tags;
import dev.homeweb.posts.Post;
import dev.homeweb.posts.Tag;
import dev.homeweb.site.SnapshotFile;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.regex.Pattern;

/** What {@link TrainCommand} does, in a folder of its own. */
final class TrainingWorkload {
    /** Enough posts for an index, tags, feeds and a post with neighbours; nothing that varies. */
    private static final int POSTS = 6;

    /** Links within the site, without a query (the search form's would ask the database). */
    private static final Pattern LINK = Pattern.compile("href=\"(/[^\"#?]*)\"");

    private final Path work;

    TrainingWorkload(Path work) {
        this.work = work;
    }

    Path writeContent() throws IOException {
        var posts = Files.createDirectories(work.resolve("content/posts"));
        for (int i = 0; i < POSTS; i++) {
            Files.writeString(posts.resolve("sample-%d.md".formatted(i)), post(i));
        }
        return work.resolve("content");
    }

    /** The sample posts read and rendered as import does, saved as the server's site snapshot. */
    Path writeSnapshot() {
        var state = work.resolve("state");
        var renderer = new MarkdownRenderer();
        var posts = new ArrayList<Post>();
        for (var source : new ContentReader().read(work.resolve("content"))) {
            var front = source.frontMatter();
            var rendered = renderer.render(source.body(), front.toc());
            posts.add(
                    new Post(
                            source.slug(),
                            front.title(),
                            front.summary(),
                            front.date(),
                            front.updated(),
                            front.tags().stream().map(t -> new Tag(Tags.slug(t), t)).toList(),
                            rendered.html(),
                            rendered.text().split("\\s+").length,
                            front.aliases()));
        }
        new SnapshotFile(state).save(posts, Instant.now());
        return state;
    }

    /**
     * A database URL on a port nobody listens on, so the server starts from the snapshot at once.
     */
    Path writeUnreachableDatabaseUrl() throws IOException {
        int port;
        try (var socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        var file = work.resolve("database-url");
        Files.writeString(file, "postgresql://training@127.0.0.1:" + port + "/training\n");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        return file;
    }

    /** Every page the index links to, plain, gzipped and revalidated; returns the responses. */
    int requestPages(int port) {
        var client =
                HttpClient.newBuilder()
                        .connectTimeout(Duration.ofSeconds(5))
                        .version(HttpClient.Version.HTTP_1_1)
                        .build();
        var base = "http://127.0.0.1:" + port;
        var paths = new LinkedHashSet<String>();
        paths.addAll(List.of("/", "/atom.xml", "/feed.json", "/sitemap.xml", "/healthz"));
        // Not /search: it asks the database, which would keep the run waiting for a connection.
        paths.add("/no-such-page");
        var index = get(client, base + "/", null, null);
        var matcher = LINK.matcher(index.body());
        while (matcher.find()) {
            paths.add(matcher.group(1));
        }
        int responses = 1;
        // Twice over, so the methods the pages run are profiled, not just loaded.
        for (int round = 0; round < 2; round++) {
            for (var path : paths) {
                var plain = get(client, base + path, null, null);
                get(client, base + path, "gzip", null);
                plain.headers()
                        .firstValue("ETag")
                        .ifPresent(etag -> get(client, base + path, null, etag));
                responses += 3;
            }
        }
        return responses;
    }

    /** A training run that met server errors would have trained the wrong code: it fails. */
    private static HttpResponse<String> get(
            HttpClient client, String url, String encoding, String etag) {
        var response = send(client, url, encoding, etag);
        if (response.statusCode() >= 500) {
            throw new IllegalStateException(
                    "training request " + url + " answered " + response.statusCode());
        }
        return response;
    }

    private static HttpResponse<String> send(
            HttpClient client, String url, String encoding, String etag) {
        var request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10));
        if (encoding != null) {
            request.header("Accept-Encoding", encoding);
        }
        if (etag != null) {
            request.header("If-None-Match", etag);
        }
        try {
            return client.send(
                    request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("training request " + url + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted during training", e);
        }
    }

    private static String post(int i) {
        return """
                ---
                title: "Sample post %1$d"
                date: 2026-01-%2$02dT10:00:00Z
                tags: [sample, tag-%3$d]
                summary: The training run's post number %1$d.
                toc: %4$s
                ---
                A paragraph with *emphasis*, **strong**, `code`, a [link](https://example.org/)
                and ~~strikethrough~~, as posts have.

                ## A heading

                - a list item
                - another, with <https://example.org/auto>

                1. first
                2. second

                > A quotation.

                | column | other |
                |--------|-------|
                | a      | b     |

                ```java
                public final class Sample {
                    static int twice(int x) {
                        return 2 * x; // a comment
                    }
                }
                ```

                ```sh
                curl -fsS http://localhost:8080/healthz && echo "up"
                ```

                ### Another heading

                The end of post %1$d.
                """
                .formatted(i, i + 1, i % 3, i % 2 == 0);
    }
}

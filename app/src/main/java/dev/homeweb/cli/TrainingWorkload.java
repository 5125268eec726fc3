package dev.homeweb.cli;

import dev.homeweb.content.ContentReader;
import dev.homeweb.content.MarkdownRenderer;
import dev.homeweb.content.Tags;
import dev.homeweb.posts.Post;
import dev.homeweb.posts.Tag;
import dev.homeweb.site.SnapshotFile;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
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

    /**
     * The sample posts read and rendered as import does, saved as the server's site snapshot in
     * {@code state}: what a server that had run against a database would have left there.
     */
    void writeSnapshot(Path state) {
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
    }

    /** The embedded PostgreSQL on {@code port}, as a node's database-URL file names its own. */
    Path writeDatabaseUrl(int port) throws IOException {
        return writeUrl("postgresql://postgres@127.0.0.1:" + port + "/postgres");
    }

    /**
     * A database URL on a port nobody listens on, so the server starts from the snapshot at once.
     */
    Path writeUnreachableDatabaseUrl() throws IOException {
        int port;
        try (var socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        return writeUrl("postgresql://training@127.0.0.1:" + port + "/training");
    }

    private Path writeUrl(String url) throws IOException {
        var file = work.resolve("database-url");
        Files.deleteIfExists(file);
        Files.writeString(file, url + "\n");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        return file;
    }

    /** Every page the index links to, plain, gzipped and revalidated; returns the responses. */
    int requestPages(int port) {
        var paths = new LinkedHashSet<String>();
        paths.addAll(List.of("/", "/atom.xml", "/feed.json", "/sitemap.xml", "/healthz"));
        // Not /search: it asks the database, which would keep the run waiting for a connection.
        paths.add("/no-such-page");
        var index = get(port, "/", null, null);
        var matcher = LINK.matcher(index.body());
        while (matcher.find()) {
            paths.add(matcher.group(1));
        }
        int responses = 1;
        // Twice over, so the methods the pages run are profiled, not just loaded.
        for (int round = 0; round < 2; round++) {
            for (var path : paths) {
                var plain = get(port, path, null, null);
                get(port, path, "gzip", null);
                plain.etag().ifPresent(etag -> get(port, path, null, etag));
                responses += 3;
            }
        }
        return responses;
    }

    /** A training run that met server errors would have trained the wrong code: it fails. */
    private static Response get(int port, String path, String encoding, String etag) {
        var response = Response.of(port, path, encoding, etag);
        if (response.status() >= 500) {
            throw new IllegalStateException(
                    "training request " + path + " answered " + response.status());
        }
        return response;
    }

    /**
     * One HTTP/1.1 exchange on a connection of its own, written and read by hand: with the JDK's
     * HTTP client, its classes and the TLS providers it starts would go into the server's cache,
     * which every start maps (some 1,600 classes that no server runs).
     */
    private record Response(int status, Optional<String> etag, String body) {
        private static final Pattern ETAG = Pattern.compile("(?im)^etag:\\s*(\\S+)\\s*$");

        static Response of(int port, String path, String encoding, String etag) {
            var request = new StringBuilder("GET ").append(path).append(" HTTP/1.1\r\n");
            request.append("Host: 127.0.0.1:").append(port).append("\r\nConnection: close\r\n");
            if (encoding != null) {
                request.append("Accept-Encoding: ").append(encoding).append("\r\n");
            }
            if (etag != null) {
                request.append("If-None-Match: ").append(etag).append("\r\n");
            }
            request.append("\r\n");
            try (var socket = new Socket(InetAddress.getByName("127.0.0.1"), port)) {
                socket.setSoTimeout(10_000);
                socket.getOutputStream()
                        .write(request.toString().getBytes(StandardCharsets.US_ASCII));
                // Latin-1 maps every byte to one char: the head stays readable, gzip bytes too.
                var text =
                        new String(
                                socket.getInputStream().readAllBytes(),
                                StandardCharsets.ISO_8859_1);
                int end = text.indexOf("\r\n\r\n");
                if (!text.startsWith("HTTP/1.1 ") || end < 0) {
                    throw new IllegalStateException(
                            "training request " + path + ": no HTTP response");
                }
                var found = ETAG.matcher(text.substring(0, end));
                return new Response(
                        Integer.parseInt(text.substring(9, 12)),
                        found.find() ? Optional.of(found.group(1)) : Optional.empty(),
                        text.substring(end + 4));
            } catch (IOException e) {
                throw new UncheckedIOException("training request " + path + " failed", e);
            }
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

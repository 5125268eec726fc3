package dev.homeweb.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.homeweb.testing.Http;
import dev.homeweb.testing.JarProcess;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * serve with no database configured: the embedded PostgreSQL under the systemd unit's small heap.
 */
class EmbeddedPostgresIT extends RunsTheJar {
    /**
     * With the systemd unit's small heap, on a fresh data directory: the first start unpacks the
     * PostgreSQL binaries, which must not need the archive in the heap.
     */
    @Test
    void withNoDatabaseConfiguredServesTheSampleContentFromAnEmbeddedPostgresOnASmallHeap() {
        var content = Path.of(System.getProperty("homeweb.content", "../content"));
        var server =
                JarProcess.start(
                        dir,
                        Map.of(),
                        List.of("-Xmx48m", "-Xmn12m", "-XX:+UseSerialGC"),
                        "serve",
                        "--port",
                        "0",
                        "--data-dir",
                        dir.resolve("data").toString(),
                        "--content",
                        content.toString());
        try {
            var port = server.awaitListeningPort();
            var index = Http.onPort(port).get("/");

            assertThat(index.statusCode()).isEqualTo(200);
            assertThat(index.body()).contains("<a href=\"/blog/");
            assertThat(server.stdout())
                    .contains("from embedded PostgreSQL (data in " + dir.resolve("data"));
            assertThat(server.stderr()).doesNotContain("OutOfMemoryError", "Exception");
        } finally {
            server.process().destroy();
            server.await(30);
        }
    }

    @Test
    void aHeapTooSmallToUnpackTheEmbeddedPostgresSaysWhatToDoWithoutAStackTrace() {
        var result =
                JarProcess.start(
                                dir,
                                Map.of(),
                                List.of("-Xmx10m", "-XX:+UseSerialGC"),
                                "serve",
                                "--port",
                                "0",
                                "--data-dir",
                                dir.resolve("data").toString())
                        .await(120);

        assertThat(result.exitCode()).isEqualTo(1);
        // The JVM reports a little less than -Xmx as its maximum heap.
        assertThat(result.stderr())
                .matches(
                        "home-web: out of memory: the Java heap \\(at most \\d+ MB\\) is too"
                                + " small for this\\. Give it more \\(java -Xmx128m -jar"
                                + " home-web\\.jar \\.\\.\\.; the systemd unit's JAVA_OPTS\\),"
                                + " or use an external PostgreSQL with --database-url-file, which"
                                + " needs less than the embedded one\\.\n");
    }
}

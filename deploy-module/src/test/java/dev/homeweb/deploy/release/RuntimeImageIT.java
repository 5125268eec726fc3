package dev.homeweb.deploy.release;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The runtime a release ships: built once per JDK, and as quick to start as the JDK itself. */
class RuntimeImageIT {
    @TempDir Path cache;

    @Test
    void imageLoadsTheJdksClassesFromItsOwnSharedArchive() throws Exception {
        var images = new RuntimeImage(Path.of(System.getProperty("java.home")), cache);

        var image = images.image();

        assertThat(image.resolve("lib/server/classes.jsa")).isRegularFile();
        // -Xshare:on refuses to start at all when the archive cannot be used.
        var run = java(image, "-Xshare:on", "-Xlog:cds=info", "-version");
        assertThat(run).contains("Opened archive").contains("OpenJDK");
        assertThat(images.image()).isEqualTo(image);
    }

    private static String java(Path image, String... args)
            throws IOException, InterruptedException {
        var command = new ArrayList<String>();
        command.add(image.resolve("bin/java").toString());
        command.addAll(List.of(args));
        var process = new ProcessBuilder(command).redirectErrorStream(true).start();
        var out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as(out).isZero();
        return out;
    }
}

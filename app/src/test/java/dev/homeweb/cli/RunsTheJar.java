package dev.homeweb.cli;

import dev.homeweb.testing.JarProcess;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;

/** For the ITs that run the packaged jar as a user would, each test in a fresh folder. */
abstract class RunsTheJar {
    @TempDir Path dir;

    /** {@code home-web ARGS} run in {@link #dir} to its end. */
    JarProcess.Result run(String... args) {
        return JarProcess.run(dir, args);
    }
}

package dev.homeweb.deploy.release;

import dev.homeweb.deploy.config.UserError;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * A release written to a folder of this machine as a node holds it: the same files, each with the
 * time 0 a node's store gives them (which the AOT cache checks), and its {@code release.env}. Run
 * it as the node's units do: {@code DIR/runtime/bin/java $HOME_WEB_RELEASE_JAVA_OPTIONS -jar
 * DIR/home-web.jar serve}.
 */
public final class LocalRelease {
    private final Path dir;

    public LocalRelease(Path dir) {
        this.dir = dir.toAbsolutePath().normalize();
    }

    /** Writes {@code release} into the folder, which must not exist or be empty. */
    public void write(Release release) {
        try {
            if (Files.isDirectory(dir)) {
                try (var entries = Files.list(dir)) {
                    if (entries.findAny().isPresent()) {
                        throw new UserError(
                                "--output " + dir + " is not empty; name a new or empty folder");
                    }
                }
            }
            Files.createDirectories(dir);
            for (var file : release.files()) {
                var target = dir.resolve(file.path());
                Files.createDirectories(target.getParent());
                Files.copy(file.source(), target);
                Files.setPosixFilePermissions(
                        target,
                        PosixFilePermissions.fromString(
                                file.executable() ? "rwxr-xr-x" : "rw-r--r--"));
                Files.setLastModifiedTime(target, FileTime.fromMillis(0));
            }
            Files.writeString(
                    dir.resolve("release.env"),
                    release.environment(dir.toString()),
                    StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the release into " + dir, e);
        }
    }
}

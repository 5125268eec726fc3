package dev.homeweb.health;

import dev.homeweb.internal.CodeLocation;
import dev.homeweb.internal.Sha256;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/**
 * Identifies the running build, so a deployer can prove the new one is answering: the version from
 * the jar manifest and a hash of the jar itself, plus the release id a deploy may set.
 */
public record BuildInfo(String version, String buildId, Optional<String> releaseId) {
    public BuildInfo {
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(buildId, "buildId");
        Objects.requireNonNull(releaseId, "releaseId");
    }

    /** Reads the running jar; outside a jar (tests, IDE) the build id is "dev". */
    public static BuildInfo detect(Optional<String> releaseId) {
        var version =
                Optional.ofNullable(BuildInfo.class.getPackage().getImplementationVersion())
                        .orElse("dev");
        return new BuildInfo(version, jarHash().orElse("dev"), releaseId);
    }

    private static Optional<String> jarHash() {
        try {
            var path = CodeLocation.of(BuildInfo.class).orElse(Path.of(""));
            if (!Files.isRegularFile(path)) {
                return Optional.empty();
            }
            try (InputStream in = Files.newInputStream(path)) {
                return Optional.of(Sha256.hex(in).substring(0, 12));
            }
        } catch (IOException | SecurityException e) {
            return Optional.empty();
        }
    }
}

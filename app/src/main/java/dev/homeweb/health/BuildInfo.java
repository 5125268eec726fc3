package dev.homeweb.health;

import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
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
            var location = BuildInfo.class.getProtectionDomain().getCodeSource().getLocation();
            var path = Path.of(location.toURI());
            if (!Files.isRegularFile(path)) {
                return Optional.empty();
            }
            var digest = MessageDigest.getInstance("SHA-256");
            try (InputStream in = new DigestInputStream(Files.newInputStream(path), digest)) {
                in.transferTo(OutputStreamSink.INSTANCE);
            }
            return Optional.of(HexFormat.of().formatHex(digest.digest()).substring(0, 12));
        } catch (IOException
                | URISyntaxException
                | NoSuchAlgorithmException
                | SecurityException e) {
            return Optional.empty();
        }
    }

    private static final class OutputStreamSink extends java.io.OutputStream {
        static final OutputStreamSink INSTANCE = new OutputStreamSink();

        @Override
        public void write(int b) {}

        @Override
        public void write(byte[] b, int off, int len) {}
    }
}

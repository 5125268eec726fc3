package dev.homeweb.deploy.release;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Which runtimes get a cache, and what a cache is kept under (AotCacheIT trains real ones). */
class AotCacheTest {
    @TempDir Path dir;

    Path runtime(String version) throws IOException {
        var runtime = Files.createDirectories(dir.resolve("runtime-" + version));
        Files.writeString(
                runtime.resolve("release"),
                "IMPLEMENTOR=\"Eclipse Adoptium\"\nJAVA_VERSION=\"%s\"\n".formatted(version));
        return runtime;
    }

    @Test
    void onlyAJava25OrLaterRuntimeGetsACache() throws IOException {
        assertThat(AotCache.supports(runtime("17.0.18"))).isFalse();
        assertThat(AotCache.supports(runtime("21.0.5"))).isFalse();
        assertThat(AotCache.supports(runtime("25.0.3"))).isTrue();
        assertThat(AotCache.supports(runtime("26"))).isTrue();
        assertThat(AotCache.supports(dir.resolve("no-runtime"))).isFalse();
    }

    @Test
    void anOlderRuntimeGetsNoCacheAndNothingIsRun() throws IOException {
        var jar = Files.writeString(dir.resolve("home-web.jar"), "jar");

        var cache = new AotCache(dir.resolve("cache")).cache(runtime("17.0.18"), jar, List.of());

        assertThat(cache).isEmpty();
        assertThat(dir.resolve("cache")).doesNotExist();
    }

    @Test
    void theKeyChangesWithTheJarTheRuntimeAndTheJvmOptions() throws IOException {
        var jar = Files.writeString(dir.resolve("a.jar"), "jar");
        var other = Files.writeString(dir.resolve("b.jar"), "other jar");
        var runtime = runtime("25.0.3");
        var key = AotCache.key(runtime, sha(jar), List.of("-XX:+UseSerialGC"));

        assertThat(AotCache.key(runtime, sha(jar), List.of("-XX:+UseSerialGC"))).isEqualTo(key);
        assertThat(AotCache.key(runtime, sha(other), List.of("-XX:+UseSerialGC")))
                .isNotEqualTo(key);
        assertThat(AotCache.key(runtime("26"), sha(jar), List.of("-XX:+UseSerialGC")))
                .isNotEqualTo(key);
        assertThat(AotCache.key(runtime, sha(jar), List.of("-XX:+UseG1GC"))).isNotEqualTo(key);
    }

    @Test
    void aCacheUsedTodayKeepsTimeSoTheReleaseNeedNotReadItAgain() throws Exception {
        var jar = Files.writeString(dir.resolve("home-web.jar"), "jar");
        var runtime = runtime("25.0.3");
        var cacheDir = Files.createDirectories(dir.resolve("cache"));
        var anHourAgo = FileTime.from(java.time.Instant.now().minusSeconds(3600));
        var trained = trainedBefore(cacheDir, runtime, jar, anHourAgo);

        new AotCache(cacheDir).cache(runtime, jar, List.of());

        assertThat(Files.getLastModifiedTime(trained)).isEqualTo(anHourAgo);
    }

    @Test
    void aCacheAlreadyTrainedIsUsedAsItIsAndCountsAsRecent() throws Exception {
        var jar = Files.writeString(dir.resolve("home-web.jar"), "jar");
        var runtime = runtime("25.0.3");
        var cacheDir = Files.createDirectories(dir.resolve("cache"));
        var trained = trainedBefore(cacheDir, runtime, jar, FileTime.fromMillis(0));

        // The runtime has no bin/java: a training run would fail, so this is the cached one.
        var cache = new AotCache(cacheDir).cache(runtime, jar, List.of());

        assertThat(cache).contains(new AotCache.Trained(trained, Optional.empty()));
        assertThat(Files.getLastModifiedTime(trained).toMillis()).isPositive();
    }

    @Test
    void aTrainingRunGetsACopyOfTheJarWithTheNodesTimeAndOnlyTheNewestFourCachesStay()
            throws Exception {
        var jar = Files.writeString(dir.resolve("home-web.jar"), "jar");
        var runtime = runtime("25.0.3");
        // A stand-in for java that writes the cache it is asked for, with what it was given.
        var java = Files.createDirectories(runtime.resolve("bin")).resolve("java");
        Files.writeString(
                java,
                """
                #!/bin/sh
                for a in "$@"; do
                  case "$a" in -XX:AOTCacheOutput=*) out="${a#-XX:AOTCacheOutput=}";; esac
                done
                jar=$(dirname "$out")/home-web.jar
                echo "$* $(stat -c %Y "$jar")" > "$out"
                echo import > "$(dirname "$out")/home-web-import.aot"
                """);
        Files.setPosixFilePermissions(java, PosixFilePermissions.fromString("rwxr-xr-x"));
        var cacheDir = Files.createDirectories(dir.resolve("cache"));
        for (int i = 0; i < 5; i++) {
            var old = Files.writeString(cacheDir.resolve("aot-00" + i + ".aot"), "old");
            Files.setLastModifiedTime(old, FileTime.fromMillis(1000L * i));
        }

        var cache = new AotCache(cacheDir).cache(runtime, jar, List.of("-XX:+UseSerialGC"));

        assertThat(cache).isPresent();
        var server = cache.get().server();
        assertThat(Files.readString(server))
                .startsWith("-XX:+UseSerialGC -XX:AOTCacheOutput=")
                .contains(
                        " -Dhome-web.train.import-java-options=-XX:TieredStopAtLevel=1"
                                + " -XX:+UseSerialGC ")
                .contains(" -jar ")
                .endsWith("home-web.jar train 0\n");
        assertThat(cache.get().imports()).isPresent();
        assertThat(Files.readString(cache.get().imports().get())).isEqualTo("import\n");
        try (var left = Files.list(cacheDir)) {
            assertThat(left.map(p -> p.getFileName().toString()))
                    .containsExactlyInAnyOrder(
                            server.getFileName().toString(),
                            cache.get().imports().get().getFileName().toString(),
                            "aot-004.aot",
                            "aot-003.aot",
                            "aot-002.aot");
        }
    }

    /** A cache in {@code cacheDir} as an earlier run trained it, last used at {@code time}. */
    private static Path trainedBefore(Path cacheDir, Path runtime, Path jar, FileTime time)
            throws java.io.IOException {
        var trained =
                Files.writeString(
                        cacheDir.resolve(
                                "aot-" + AotCache.key(runtime, sha(jar), List.of()) + ".aot"),
                        "trained");
        Files.setLastModifiedTime(trained, time);
        return trained;
    }

    private static String sha(Path file) throws java.io.IOException {
        return Hashes.sha256(file).sha256();
    }
}

package dev.homeweb.deploy.release;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
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
        var key = AotCache.key(runtime, jar, List.of("-XX:+UseSerialGC"));

        assertThat(AotCache.key(runtime, jar, List.of("-XX:+UseSerialGC"))).isEqualTo(key);
        assertThat(AotCache.key(runtime, other, List.of("-XX:+UseSerialGC"))).isNotEqualTo(key);
        assertThat(AotCache.key(runtime("26"), jar, List.of("-XX:+UseSerialGC"))).isNotEqualTo(key);
        assertThat(AotCache.key(runtime, jar, List.of("-XX:+UseG1GC"))).isNotEqualTo(key);
    }
}

package dev.homeweb.deploy.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A release whose runtime is Java 25 (HOME_WEB_RUNTIME_JDK) carries the AOT cache its server jar
 * was trained into on the deployer's machine, and the node's JVM maps it: the jar and runtime on
 * the node (other paths, the store's file times) are the ones the cache was made for.
 */
class AotCacheIT {
    static final Path JDK =
            Path.of(System.getProperty("homeweb.jdk25", "/usr/lib/jvm/temurin-25-jdk-amd64"));

    @TempDir static Path dir;
    static TargetHost target;
    static E2e e2e;
    static E2e.Run deploy;
    static String release;

    @BeforeAll
    static void deployAJava25Release() throws Exception {
        assertThat(JDK.resolve("bin/jlink"))
                .as("a JDK 25 for the release's runtime; -Dhomeweb.jdk25=DIR names one")
                .isExecutable();
        target = TargetHost.up("hwd-aot");
        e2e =
                new E2e(target, dir, "health_timeout: 120s\nconfirm_timeout: 150s")
                        .withEnvironment("HOME_WEB_RUNTIME_JDK", JDK.toString());
        target.ssh(
                "for i in $(seq 120); do pg_isready -q -h 127.0.0.1 && exit 0; sleep 1; done;"
                        + " exit 1");
        e2e.initSecrets();
        deploy = e2e.deploy(E2e.release());
        assertThat(deploy.exitCode()).as(e2e.failure(deploy)).isZero();
        release = E2e.release(deploy);
    }

    @AfterAll
    static void shutDown() {
        if (target != null) {
            target.close();
        }
    }

    @Test
    void theReleaseCarriesTheCacheAndItsEnvironmentNamesIt() throws Exception {
        var releaseDir = "/var/lib/home-web/releases/" + release;

        assertThat(deploy.err()).contains("(with Java runtime and AOT cache)");
        assertThat(target.ssh("cat " + releaseDir + "/release.env"))
                .contains(
                        "HOME_WEB_RELEASE_JAVA_OPTIONS=-XX:AOTCache="
                                + releaseDir
                                + "/home-web.aot\n")
                .contains(
                        "HOME_WEB_RELEASE_IMPORT_JAVA_OPTIONS=-XX:AOTCache="
                                + releaseDir
                                + "/home-web-import.aot\n");
        assertThat(target.ssh("cat " + releaseDir + "/runtime/release"))
                .contains("JAVA_VERSION=\"25");
    }

    @Test
    void theNodesJavaMapsTheCacheForTheServerJar() throws Exception {
        var current = "/var/lib/home-web/current";

        // AOTMode=on refuses to start at all when the cache does not fit this jar and runtime.
        var out =
                target.ssh(
                        current
                                + "/runtime/bin/java -XX:+UseSerialGC -XX:AOTMode=on -XX:AOTCache="
                                + current
                                + "/home-web.aot -Xlog:aot=info -jar "
                                + current
                                + "/home-web.jar --version 2>&1");

        assertThat(out).contains("Using AOT-linked classes: true").contains("home-web");
    }

    @Test
    void theOneShotUnitsHaveACacheOfTheirOwnWithFlywayAndJooqThatTheServersLacks()
            throws Exception {
        var current = "/var/lib/home-web/current";
        var unit = target.ssh("systemctl cat home-web-import.service");

        // The JVM checks each cache against this jar and runtime, then lists the classes in it.
        var list =
                "/runtime/bin/java -XX:+UseSerialGC -XX:+PrintSharedArchiveAndExit -XX:AOTCache=";
        var imports =
                target.ssh(
                        current
                                + list
                                + current
                                + "/home-web-import.aot -jar "
                                + current
                                + "/home-web.jar 2>&1");
        var server =
                target.ssh(
                        current
                                + list
                                + current
                                + "/home-web.aot -jar "
                                + current
                                + "/home-web.jar 2>&1");

        assertThat(unit).contains("$HOME_WEB_RELEASE_IMPORT_JAVA_OPTIONS -XX:TieredStopAtLevel=1");
        assertThat(imports)
                .contains(": org.flywaydb.core.Flyway app_loader")
                .contains(": org.jooq.impl.DSL app_loader")
                .contains(": org.commonmark.parser.Parser app_loader");
        assertThat(server)
                .contains(": dev.homeweb.cli.HomeWebCommand app_loader")
                .doesNotContain(": org.jooq.impl.DSL app_loader");
    }

    @Test
    void theServerStartsWithTheCacheAndNothingSaysItWasRefused() throws Exception {
        var command =
                target.ssh(
                        "tr '\\0' ' ' < /proc/$(systemctl show -p MainPID --value"
                                + " home-web.service)/cmdline");
        var journal = target.ssh("journalctl -b -u home-web.service -u 'home-web-*' --no-pager");

        assertThat(command).contains("-XX:AOTCache=/var/lib/home-web/releases/" + release);
        assertThat(journal).doesNotContain("[aot]").doesNotContain("[cds]");
        assertThat(target.http("/blog/" + E2e.POST)).contains(E2e.POST_TITLE);
    }
}

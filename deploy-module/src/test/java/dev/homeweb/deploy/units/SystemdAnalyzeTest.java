package dev.homeweb.deploy.units;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs the host's {@code systemd-analyze} on the rendered units, offline. Verification happens in a
 * staging root that holds the units, a copy of the system's own units, and stand-ins for the
 * release's binaries, so it checks exactly what would be installed.
 */
class SystemdAnalyzeTest {
    private static final Pattern EXEC = Pattern.compile("(?m)^Exec\\w+=[-@+!:]*(/\\S+)");
    private static final Pattern SCORE =
            Pattern.compile("Overall exposure level for \\S+: (\\d+\\.\\d)");

    @TempDir static Path stage;

    /** The units of a node with {@code https: acme}: two sockets, a state directory. */
    @TempDir static Path httpsStage;

    @BeforeAll
    static void stageUnits() throws IOException, InterruptedException {
        stage(
                stage,
                UnitFileRendererTest.node(
                        """
                        hostname: h
                        service: {base_url: https://b.example.org, site_title: My blog}
                        """));
        stage(httpsStage, UnitFileRendererTest.node(HttpsUnitsTest.ACME_NODE));
    }

    private static void stage(Path stage, dev.homeweb.deploy.config.NodeConfig node)
            throws IOException, InterruptedException {
        var unitDir = Files.createDirectories(stage.resolve("etc/systemd/system"));
        for (var file : UnitFileRendererTest.render(node)) {
            var target = stage.resolve(file.path().substring(1));
            Files.createDirectories(target.getParent());
            var text = file.text();
            if (file.name().equals("home-web-migrate@.service")) {
                // A template verifies through an instance; release ids look like this one.
                target = unitDir.resolve("home-web-migrate@r20261125-0a1b2c3d4e5f.service");
                text = text.replace("%i", "r20261125-0a1b2c3d4e5f");
            }
            Files.writeString(target, text);
            var matcher = EXEC.matcher(text);
            while (matcher.find()) {
                var binary = stage.resolve(matcher.group(1).substring(1));
                Files.createDirectories(binary.getParent());
                if (!Files.exists(binary)) {
                    Files.writeString(binary, "#!/bin/sh\n");
                }
                Files.setPosixFilePermissions(binary, PosixFilePermissions.fromString("rwxr-xr-x"));
            }
        }
        var systemUnits = Files.createDirectories(stage.resolve("usr/lib/systemd"));
        run("cp", "-r", "/lib/systemd/system", systemUnits.toString());
        // Masked units link to /dev/null; the tests need none of them.
        run("find", systemUnits.toString(), "-type", "l", "-delete");
    }

    @Test
    void everyRenderedUnitVerifiesWithoutWarnings() throws Exception {
        assertVerifies(stage, 7);
    }

    @Test
    void everyUnitOfAnHttpsNodeVerifiesWithoutWarnings() throws Exception {
        assertVerifies(httpsStage, 8);
    }

    @Test
    void httpsServerUnitExposureIsAtMostTwoWithoutAnyCapability() throws Exception {
        var unit = httpsStage.resolve("etc/systemd/system/home-web.service");

        assertThat(Files.readString(unit)).contains("CapabilityBoundingSet=\n");
        assertThat(exposure(unit)).isLessThanOrEqualTo(2.0);
    }

    private static void assertVerifies(Path stage, int count) throws Exception {
        List<String> units;
        try (Stream<Path> files = Files.list(stage.resolve("etc/systemd/system"))) {
            units = files.map(p -> p.getFileName().toString()).sorted().toList();
        }
        assertThat(units).hasSize(count);
        var command = new ArrayList<>(List.of("systemd-analyze", "verify", "--root=" + stage));
        command.addAll(units);

        var result = run(command.toArray(String[]::new));

        assertThat(result.output()).isEmpty();
        assertThat(result.exitCode()).isZero();
    }

    @Test
    void serverUnitExposureIsAtMostTwo() throws Exception {
        var unit = stage.resolve("etc/systemd/system/home-web.service");

        assertThat(exposure(unit)).isLessThanOrEqualTo(2.0);
    }

    /** The overall exposure {@code systemd-analyze security --offline} gives a unit file. */
    static double exposure(Path unit) throws IOException, InterruptedException {
        var result =
                run(
                        "systemd-analyze",
                        "security",
                        "--offline=true",
                        "--no-pager",
                        "--threshold=20",
                        unit.toString());

        var matcher = SCORE.matcher(result.output());
        assertThat(matcher.find()).as(result.output()).isTrue();
        assertThat(result.exitCode()).as(result.output()).isZero();
        return Double.parseDouble(matcher.group(1));
    }

    record Result(int exitCode, String output) {}

    static Result run(String... command) throws IOException, InterruptedException {
        var process = new ProcessBuilder(command).redirectErrorStream(true).start();
        var output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new IllegalStateException("timed out: " + String.join(" ", command));
        }
        if (!command[0].equals("systemd-analyze") && process.exitValue() != 0) {
            throw new IllegalStateException(output);
        }
        return new Result(process.exitValue(), output);
    }
}

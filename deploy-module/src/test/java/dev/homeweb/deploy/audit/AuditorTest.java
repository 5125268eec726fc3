package dev.homeweb.deploy.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.homeweb.deploy.audit.Auditor.Field;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AuditorTest {
    static final Instant AT = Instant.parse("2026-12-01T21:10:11.123456Z");

    @TempDir Path dir;

    @Test
    void writesFieldsInTheirOrderWithTimeInSecondsAndQuotesOnlyValuesWithSpaces() {
        var line =
                Auditor.line(
                        AT,
                        Map.of(
                                Field.RESULT, "rolled back to r0",
                                Field.NODE, "blog",
                                Field.SECONDS, "12",
                                Field.ACTION, "deploy",
                                Field.RELEASE, "r1"));

        assertThat(line)
                .isEqualTo(
                        "2026-12-01T21:10:11Z node=blog action=deploy release=r1"
                                + " result=\"rolled back to r0\" seconds=12");
    }

    @Test
    void refusesAValueThatWouldBreakTheLine() {
        assertThatThrownBy(() -> Auditor.line(AT, Map.of(Field.RESULT, "a\nb")))
                .hasMessageContaining("audit field result");
        assertThatThrownBy(() -> Auditor.line(AT, Map.of(Field.RESULT, "say \"x\"")))
                .hasMessageContaining("audit field result");
    }

    @Test
    void theShellVersionWritesTheSameLineAsTheJavaOne() throws Exception {
        var log = dir.resolve("audit.log");
        var values =
                Map.of(
                        Field.NODE, "blog",
                        Field.ACTION, "rollback",
                        Field.RELEASE, "r1",
                        Field.REASON, "unconfirmed",
                        Field.RESULT, "rolled back to r0");
        var script =
                Auditor.SHELL_QUOTE_FUNCTION
                        + "outcome='rolled back to r0'\n"
                        + Auditor.shellAppend(
                                "2026-12-01T21:10:11Z",
                                Map.of(
                                        Field.NODE, "blog",
                                        Field.ACTION, "rollback",
                                        Field.RELEASE, "r1",
                                        Field.REASON, "\"unconfirmed\"",
                                        Field.RESULT, "\"$outcome\""),
                                log.toString());

        var process = new ProcessBuilder("/bin/sh", "-euc", script).inheritIO().start();

        assertThat(process.waitFor()).isZero();
        assertThat(Files.readString(log, StandardCharsets.UTF_8))
                .isEqualTo(Auditor.line(AT, values) + "\n");
    }

    @Test
    void theAppendScriptCarriesTheLineAsOneQuotedWord() throws Exception {
        var log = dir.resolve("audit.log");
        var line = Auditor.line(AT, Map.of(Field.NODE, "blog", Field.RESULT, "it's done"));

        var process =
                new ProcessBuilder("/bin/sh", "-euc", Auditor.appendScript(line, log.toString()))
                        .inheritIO()
                        .start();

        assertThat(process.waitFor()).isZero();
        assertThat(Files.readString(log)).isEqualTo(line + "\n");
    }
}

package dev.homeweb.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The jar's command line: what --help lists, and what a wrong word gets. */
class CliUsageIT extends RunsTheJar {
    @Test
    void helpListsTheCommandsAndExitCodes() {
        var result = run("--help");

        assertThat(result.exitCode()).isZero();
        assertThat(result.stdout())
                .contains(
                        "serve",
                        "migrate",
                        "import",
                        "healthcheck",
                        "Exit codes:",
                        "HOME_WEB_BASE_URL");
    }

    @Test
    void unknownCommandOrOptionExitsWithUsageError() {
        assertThat(run("publish").exitCode()).isEqualTo(2);
        var result = run("serve", "--database-url", "postgresql://u:p@h/db");
        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.stderr())
                .contains(
                        "unknown argument(s): '--database-url'",
                        "never taken on the command line",
                        "--database-url-file")
                .doesNotContain("u:p@");
    }
}

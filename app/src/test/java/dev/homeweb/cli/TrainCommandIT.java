package dev.homeweb.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * {@code home-web train}, the AOT cache's training run, imports sample posts into an embedded
 * PostgreSQL of its own, starts the packaged server over it and asks it for every page, then once
 * more without the database, from the snapshot: it ends by itself, having met no server error.
 */
class TrainCommandIT extends RunsTheJar {
    @Test
    void trainsOnEveryPageOfASiteServedFromADatabaseAndWithoutItAndEnds() {
        var run = run("train");

        assertThat(run.exitCode()).as(run.stderr()).isZero();
        var matcher = Pattern.compile("trained on (\\d+) responses").matcher(run.stdout());
        for (int server = 0; server < 2; server++) {
            assertThat(matcher.find()).as(run.stdout()).isTrue();
            // Index, post, tag and feed pages, plain, gzipped and revalidated, twice over.
            assertThat(Integer.parseInt(matcher.group(1))).isGreaterThan(60);
        }
        assertThat(run.stdout())
                .doesNotContain("training without a database")
                .contains("of 6 posts from jdbc:postgresql://127.0.0.1:")
                .contains("of 6 posts from the site snapshot");
    }

    @Test
    void isNotListedAmongTheCommandsAUserRuns() {
        var run = run("--help");

        assertThat(run.stdout()).contains("serve").doesNotContain("train");
    }
}

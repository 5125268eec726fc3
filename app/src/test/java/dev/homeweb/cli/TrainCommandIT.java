package dev.homeweb.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * {@code home-web train}, the AOT cache's training run, starts the packaged server without any
 * database and asks it for every page: it ends by itself, having met no server error.
 */
class TrainCommandIT extends RunsTheJar {
    @Test
    void trainsOnEveryPageOfASiteServedWithoutADatabaseAndEnds() {
        var run = run("train");

        assertThat(run.exitCode()).as(run.stderr()).isZero();
        var matcher = Pattern.compile("trained on (\\d+) responses").matcher(run.stdout());
        assertThat(matcher.find()).as(run.stdout()).isTrue();
        // Index, post, tag and feed pages, plain, gzipped and revalidated, twice over.
        assertThat(Integer.parseInt(matcher.group(1))).isGreaterThan(60);
        assertThat(run.stdout()).contains("of 6 posts from the site snapshot");
    }

    @Test
    void isNotListedAmongTheCommandsAUserRuns() {
        var run = run("--help");

        assertThat(run.stdout()).contains("serve").doesNotContain("train");
    }
}

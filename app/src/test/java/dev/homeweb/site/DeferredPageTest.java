package dev.homeweb.site;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class DeferredPageTest {
    @Test
    void rendersOnFirstUseOnlyAndKeepsThePage() {
        var renders = new AtomicInteger();
        var deferred =
                new DeferredPage(
                        () -> {
                            renders.incrementAndGet();
                            return Page.html("<p>x</p>", Instant.EPOCH);
                        });

        assertThat(deferred.isRendered()).isFalse();
        var first = deferred.get();

        assertThat(deferred.isRendered()).isTrue();
        assertThat(deferred.get()).isSameAs(first);
        assertThat(renders).hasValue(1);
    }

    @Test
    void aNewSnapshotRendersNothingUntilAsked() {
        var snapshot =
                SiteSnapshot.build(
                        java.util.List.of(
                                SiteSnapshotTest.post("a", Instant.parse("2026-01-01T00:00:00Z"))),
                        Instant.parse("2026-06-01T00:00:00Z"),
                        SiteSnapshotTest.renderers());

        assertThat(snapshot.page("/blog/a"))
                .hasValueSatisfying(p -> assertThat(p.isRendered()).isFalse());
        assertThat(snapshot.find("/blog/a")).isPresent();
        assertThat(snapshot.page("/blog/a"))
                .hasValueSatisfying(p -> assertThat(p.isRendered()).isTrue());
    }
}

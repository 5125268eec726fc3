package dev.homeweb.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.homeweb.site.Page;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class DirectBodiesTest {
    final byte[] bytes = "<p>some page</p>".repeat(100).getBytes(StandardCharsets.UTF_8);

    @Test
    void aBodyIsWrittenFromTheHeapUntilAskedForOftenThenFromItsDirectCopy() {
        var budget = new DirectBodies(1 << 20, 3);
        var body = new PreparedPage.Body(bytes, budget);

        var first = body.content();
        var second = body.content();
        var third = body.content();

        assertThat(first.isDirect()).isFalse();
        assertThat(second.isDirect()).isFalse();
        assertThat(third.isDirect()).isTrue();
        assertThat(body.isDirect()).isTrue();
        for (var content : new ByteBuffer[] {first, second, third, body.content()}) {
            assertThat(content.isReadOnly()).isTrue();
            assertThat(bytesOf(content)).isEqualTo(bytes);
        }
        assertThat(budget.bytesLeft()).isEqualTo((1 << 20) - bytes.length);
    }

    @Test
    void eachResponseGetsABufferOfItsOwn() {
        var body = new PreparedPage.Body(bytes, new DirectBodies(1 << 20, 1));
        var one = body.content();
        var two = body.content();

        one.position(one.limit());

        assertThat(two.remaining()).isEqualTo(bytes.length);
        assertThat(bytesOf(body.content())).isEqualTo(bytes);
    }

    @Test
    void aFullBudgetLeavesTheBodyOnTheHeap() {
        var budget = new DirectBodies(bytes.length + 10, 1);
        var kept = new PreparedPage.Body(bytes, budget);
        var refused = new PreparedPage.Body(bytes, budget);

        assertThat(kept.content().isDirect()).isTrue();
        for (int i = 0; i < 5; i++) {
            assertThat(bytesOf(refused.content())).isEqualTo(bytes);
        }

        assertThat(refused.isDirect()).isFalse();
        assertThat(budget.bytesLeft()).isEqualTo(10);
    }

    @Test
    void previewsAndAssetsAreNeverCopied() {
        var page =
                new PreparedPage(
                        Page.of(bytes, "text/html", Instant.EPOCH), SnapshotHandler.PRIVATE);
        for (int i = 0; i < 100; i++) {
            page.plain().content();
            page.gzipped().content();
        }

        assertThat(page.plain().isDirect()).isFalse();
        assertThat(page.gzipped().isDirect()).isFalse();
    }

    @Test
    void theGzipFormIsCopiedOnItsOwnCount() {
        var page =
                new PreparedPage(
                        Page.of(bytes, "text/html", Instant.EPOCH),
                        SnapshotHandler.REVALIDATE,
                        new DirectBodies(1 << 20, 2));
        page.gzipped().content();
        page.gzipped().content();

        assertThat(page.gzipped().isDirect()).isTrue();
        assertThat(page.plain().isDirect()).isFalse();
        assertThat(bytesOf(page.gzipped().content())).isEqualTo(Page.gzip(bytes));
    }

    @Test
    void aBudgetMustBeSensible() {
        assertThatThrownBy(() -> new DirectBodies(-1, 1))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new DirectBodies(1, 0))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private static byte[] bytesOf(ByteBuffer buffer) {
        var copy = buffer.duplicate();
        var out = new byte[copy.remaining()];
        copy.get(out);
        return out;
    }
}

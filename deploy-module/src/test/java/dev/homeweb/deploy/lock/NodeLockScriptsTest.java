package dev.homeweb.deploy.lock;

import static org.assertj.core.api.Assertions.assertThat;

import dev.homeweb.deploy.units.NodeLayout;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The lock step's scripts in full. */
class NodeLockScriptsTest {
    static final NodeLayout LAYOUT = new NodeLayout("/srv/blog");
    static final LockHolder ME =
            new LockHolder("ann", "desk", 4242, Instant.parse("2026-12-01T21:00:00Z"), "r2");

    @Test
    void takesTheLockWithNoclobberOrPrintsTheHolder() {
        assertThat(NodeLock.acquireScript(LAYOUT, ME))
                .isEqualTo(
                        """
                        mkdir -p /srv/blog
                        if ( set -C; cat > /srv/blog/deploy.lock ) 2>/dev/null <<'HOME_WEB_EOF'
                        user=ann
                        host=desk
                        pid=4242
                        since=2026-12-01T21:00:00Z
                        release=r2
                        HOME_WEB_EOF
                        then echo acquired; else cat /srv/blog/deploy.lock 2>/dev/null || true; fi
                        """);
    }

    @Test
    void releasesOnlyItsOwnLock() {
        assertThat(NodeLock.releaseScript(LAYOUT, ME))
                .isEqualTo(
                        """
                        if grep -qx 'pid=4242' /srv/blog/deploy.lock 2>/dev/null && grep -qx 'host=desk' /srv/blog/deploy.lock; then
                            rm -f /srv/blog/deploy.lock
                        fi
                        """);
    }
}

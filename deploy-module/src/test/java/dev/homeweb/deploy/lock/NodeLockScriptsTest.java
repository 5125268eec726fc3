package dev.homeweb.deploy.lock;

import static org.assertj.core.api.Assertions.assertThat;

import dev.homeweb.deploy.units.NodeLayout;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The lock's scripts in full. */
class NodeLockScriptsTest {
    static final NodeLayout LAYOUT = new NodeLayout("/srv/blog");
    static final LockHolder ME =
            new LockHolder("ann", "desk", 4242, Instant.parse("2026-12-01T21:00:00Z"), "r2");

    @Test
    void holdsAFlockWhileItsInputLastsOrPrintsTheHolder() {
        assertThat(NodeLock.holdScript(LAYOUT, ME))
                .isEqualTo(
                        """
                        mkdir -p /srv/blog
                        exec 9>>/srv/blog/deploy.flock
                        if ! flock -n 9; then
                            echo held
                            cat /srv/blog/deploy.lock 2>/dev/null || true
                            exit 0
                        fi
                        if [ -s /srv/blog/deploy.lock ]; then echo "stale $(tr '\\n' ' ' < /srv/blog/deploy.lock)"; fi
                        cat > /srv/blog/deploy.lock.new <<'HOME_WEB_EOF'
                        user=ann
                        host=desk
                        pid=4242
                        since=2026-12-01T21:00:00Z
                        release=r2
                        HOME_WEB_EOF
                        echo "holder_pid=$$" >> /srv/blog/deploy.lock.new
                        mv -f /srv/blog/deploy.lock.new /srv/blog/deploy.lock
                        echo acquired
                        while [ -n "$(exec 9>&-; timeout 60 head -c 1)" ]; do :; done
                        if grep -qx "holder_pid=$$" /srv/blog/deploy.lock 2>/dev/null; then rm -f /srv/blog/deploy.lock; fi
                        """);
    }

    @Test
    void releaseStopsALiveHolderAndRemovesTheFile() {
        assertThat(NodeLock.releaseScript(LAYOUT))
                .isEqualTo(
                        """
                        pid=$(sed -n 's/^holder_pid=//p' /srv/blog/deploy.lock 2>/dev/null || true)
                        if [ -n "$pid" ] && ! flock -n /srv/blog/deploy.flock true; then kill "$pid" 2>/dev/null || true; fi
                        rm -f /srv/blog/deploy.lock
                        """);
    }

    @Test
    void statusShowsAHolderOnlyWhileItsFlockIsHeld() {
        assertThat(NodeLock.statusScript(LAYOUT))
                .isEqualTo(
                        """
                        if [ -f /srv/blog/deploy.lock ] && ! flock -n /srv/blog/deploy.flock true 2>/dev/null; then cat /srv/blog/deploy.lock; fi
                        """);
    }
}

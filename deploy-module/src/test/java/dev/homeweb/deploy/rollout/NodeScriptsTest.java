package dev.homeweb.deploy.rollout;

import static org.assertj.core.api.Assertions.assertThat;

import dev.homeweb.deploy.units.NodeLayout;
import dev.homeweb.deploy.units.UnitFile;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** Each step's script in full, as kamal tests its {@code commands/*.rb}. */
class NodeScriptsTest {
    static final NodeLayout LAYOUT = new NodeLayout("/srv/blog");

    @Test
    void preflightChecksSystemdAndPrintsTheFreeSpaceOfTheNearestExistingFolder() {
        assertThat(ProbeScripts.preflight(LAYOUT))
                .isEqualTo(
                        """
                        comm=$(cat /proc/1/comm)
                        if [ "$comm" != systemd ]; then echo "PID 1 is $comm, not systemd" >&2; exit 3; fi
                        command -v systemctl >/dev/null
                        d=/srv/blog
                        while [ ! -d "$d" ]; do d=$(dirname "$d"); done
                        df -Pk "$d" | awk 'NR==2 {print $4}'
                        """);
    }

    @Test
    void readsTheCurrentReleaseFilesAndListsWithoutFailingOnAFreshNode() {
        assertThat(NodeScripts.current(LAYOUT))
                .isEqualTo(
                        "if [ -L /srv/blog/current ]; then basename \"$(readlink /srv/blog/current)\"; fi\n");
        assertThat(NodeScripts.read("/srv/blog/state/good"))
                .isEqualTo("if [ -f /srv/blog/state/good ]; then cat /srv/blog/state/good; fi\n");
        assertThat(NodeScripts.tail("/srv/blog/audit.log", 5))
                .isEqualTo(
                        "if [ -f /srv/blog/audit.log ]; then tail -n 5 /srv/blog/audit.log; fi\n");
        assertThat(NodeScripts.releases(LAYOUT))
                .isEqualTo("if [ -d /srv/blog/releases ]; then ls -1t /srv/blog/releases; fi\n");
    }

    @Nested
    class Units {
        final UnitFile unit =
                new UnitFile(
                        "/etc/systemd/system",
                        "home-web.service",
                        "[Unit]\nDescription=x\n",
                        "0644");
        final UnitFile script =
                new UnitFile("/srv/blog/bin", "home-web-rollback", "#!/bin/sh\necho hi\n", "0755");

        @Test
        void hashesEachFileOrSaysMissing() {
            assertThat(NodeScripts.fileHashes(List.of(unit, script)))
                    .isEqualTo(
                            """
                            if [ -f /etc/systemd/system/home-web.service ]; then sha256sum < /etc/systemd/system/home-web.service; else echo missing; fi
                            if [ -f /srv/blog/bin/home-web-rollback ]; then sha256sum < /srv/blog/bin/home-web-rollback; else echo missing; fi
                            """);
        }

        @Test
        void installsByRenamingAndReloadsSystemdOnlyForUnits() {
            assertThat(NodeScripts.install(List.of(unit, script)))
                    .isEqualTo(
                            """
                            umask 022
                            mkdir -p /etc/systemd/system
                            cat > /etc/systemd/system/home-web.service.new <<'HOME_WEB_EOF'
                            [Unit]
                            Description=x
                            HOME_WEB_EOF
                            chmod 0644 /etc/systemd/system/home-web.service.new
                            mv -fT /etc/systemd/system/home-web.service.new /etc/systemd/system/home-web.service
                            mkdir -p /srv/blog/bin
                            cat > /srv/blog/bin/home-web-rollback.new <<'HOME_WEB_EOF'
                            #!/bin/sh
                            echo hi
                            HOME_WEB_EOF
                            chmod 0755 /srv/blog/bin/home-web-rollback.new
                            mv -fT /srv/blog/bin/home-web-rollback.new /srv/blog/bin/home-web-rollback
                            systemctl daemon-reload
                            systemctl enable --quiet home-web.service home-web-recover.service
                            """);
            assertThat(NodeScripts.install(List.of(script))).doesNotContain("daemon-reload");
        }

        @Test
        void opensAChangedSocketAndStopsAServerThatStillHoldsItsPortItself() {
            var socket =
                    new UnitFile(
                            UnitFile.SYSTEMD_DIRECTORY,
                            "home-web-http.socket",
                            "[Socket]\nListenStream=127.0.0.1:8080\n",
                            "0644");

            assertThat(NodeScripts.install(List.of(socket)))
                    .endsWith(
                            """
                            systemctl daemon-reload
                            systemctl enable --quiet home-web.service home-web-recover.service
                            for s in home-web-http.socket; do
                                systemctl enable --quiet "$s"
                                if systemctl is-active --quiet "$s"; then
                                    systemctl restart "$s"
                                elif ! systemctl start "$s" 2>/dev/null; then
                                    systemctl stop home-web.service
                                    systemctl start "$s"
                                fi
                            done
                            """);
            assertThat(NodeScripts.install(List.of(unit))).doesNotContain("socket");
        }
    }

    @Test
    void aOneshotThatFailsLeavesTheTailOfItsJournalOnStderr() {
        assertThat(NodeScripts.startOneshot("home-web-migrate@r2.service"))
                .isEqualTo(
                        """
                        systemctl reset-failed home-web-migrate@r2.service 2>/dev/null || true
                        since=$(date '+%Y-%m-%d %H:%M:%S')
                        if systemctl start home-web-migrate@r2.service 2>/dev/null; then exit 0; fi
                        journalctl -u home-web-migrate@r2.service --since "$since" -n 10 --no-pager -o cat _COMM=java >&2 || true
                        exit 1
                        """);
    }

    @Test
    void theImportPrintsItsDraftPreviewLinesFromItsJournalWhenItSucceeds() {
        assertThat(NodeScripts.startOneshotPrinting("home-web-import.service", "  preview of "))
                .isEqualTo(
                        """
                        systemctl reset-failed home-web-import.service 2>/dev/null || true
                        since=$(date '+%Y-%m-%d %H:%M:%S')
                        if systemctl start home-web-import.service 2>/dev/null; then journalctl -u home-web-import.service --since "$since" --no-pager -o cat _COMM=java | grep -F -- '  preview of ' || true; exit 0; fi
                        journalctl -u home-web-import.service --since "$since" -n 10 --no-pager -o cat _COMM=java >&2 || true
                        exit 1
                        """);
    }

    @Test
    void theSwitchArmsTheRollbackTimerBeforeItRenamesANewLinkOverCurrent() {
        assertThat(NodeScripts.switchTo(LAYOUT, "r2", Optional.of("r1"), true))
                .isEqualTo(
                        """
                        [ -d /srv/blog/releases/r2 ]
                        mkdir -p /srv/blog/state
                        printf 'release=%s\\nprevious=%s\\nrestart=%s\\n' r2 r1 yes > /srv/blog/state/pending.new
                        mv -f /srv/blog/state/pending.new /srv/blog/state/pending
                        sync /srv/blog/state/pending /srv/blog/state
                        systemctl restart home-web-rollback.timer
                        touch -c /srv/blog/releases/r1
                        ln -sfn releases/r2 /srv/blog/current.new
                        mv -T /srv/blog/current.new /srv/blog/current
                        """);
        assertThat(NodeScripts.switchTo(LAYOUT, "r2", Optional.empty(), false))
                .contains("printf 'release=%s\\nprevious=%s\\nrestart=%s\\n' r2 '' no > ")
                .doesNotContain("touch");
    }

    @Test
    void restartsTheServerThenTheLoadedOthersAndPrintsTheRestartCounter() {
        assertThat(NodeScripts.restart(true, List.of("token-user.service")))
                .isEqualTo(
                        """
                        systemctl restart home-web.service
                        for u in token-user.service; do
                            if [ "$(systemctl show -p LoadState --value "$u")" = loaded ]; then
                                systemctl try-restart "$u"
                            fi
                        done
                        systemctl show home-web.service -p NRestarts --value
                        """);
        assertThat(NodeScripts.restart(false, List.of()))
                .isEqualTo("systemctl show home-web.service -p NRestarts --value\n");
    }

    @Test
    void probesWithCurlOrElseTheServersOwnHealthcheck() {
        assertThat(ProbeScripts.probe(LAYOUT, HealthGateTest.SERVICE))
                .isEqualTo(
                        """
                        systemctl show home-web.service -p ActiveState -p NRestarts
                        if command -v curl >/dev/null; then
                            echo "body=$(curl -sS --max-time 3 http://127.0.0.1:8080/healthz 2>/dev/null || true)"
                        else
                            echo "body=$(/srv/blog/current/runtime/bin/java -jar /srv/blog/current/home-web.jar healthcheck --url http://127.0.0.1:8080/healthz 2>/dev/null | cut -d' ' -f2-)"
                        fi
                        """);
    }

    @Test
    void rollsBackNowWithTheScriptTheTimerRuns() {
        assertThat(NodeScripts.rollbackNow(LAYOUT, "health-check-failed"))
                .isEqualTo(
                        """
                        systemctl stop home-web-rollback.timer || true
                        /srv/blog/bin/home-web-rollback health-check-failed
                        """);
    }

    @Test
    void recoversOnlyWhenASwitchIsPending() {
        assertThat(NodeScripts.recover(LAYOUT))
                .isEqualTo(
                        """
                        if [ -f /srv/blog/state/pending ]; then
                            systemctl stop home-web-rollback.timer home-web-import.service || true
                            /srv/blog/bin/home-web-rollback abandoned
                        fi
                        """);
    }

    @Test
    void confirmsOnlyTheReleaseStillPending() {
        assertThat(NodeScripts.confirm(LAYOUT, "r2"))
                .isEqualTo(
                        """
                        systemctl stop home-web-rollback.timer
                        if [ -f /srv/blog/state/pending ] && grep -qx 'release=r2' /srv/blog/state/pending; then
                            rm -f /srv/blog/state/pending
                            sync "$(dirname /srv/blog/state/pending)"
                            echo confirmed
                        fi
                        """);
    }

    @Test
    void finalizeKeepsTheNewestTheCurrentAndTheLastGoodRelease() {
        assertThat(NodeScripts.finalizeRelease(LAYOUT, "r2", 5))
                .isEqualTo(
                        """
                        mkdir -p /srv/blog/state
                        touch /srv/blog/state/good
                        grep -qx r2 /srv/blog/state/good || echo r2 >> /srv/blog/state/good
                        last_good=$(tail -n 1 /srv/blog/state/good)
                        current=$(basename "$(readlink /srv/blog/current)")
                        n=0
                        pruned=0
                        for r in $(ls -1t /srv/blog/releases); do
                            n=$((n + 1))
                            if [ "$n" -le 5 ] || [ "$r" = "$current" ] || [ "$r" = "$last_good" ]; then continue; fi
                            rm -rf /srv/blog/releases/"$r"
                            pruned=$((pruned + 1))
                        done
                        find /srv/blog/store -maxdepth 1 -type f -links 1 -delete
                        echo "$pruned"
                        """);
    }
}

package dev.homeweb.deploy.units;

import dev.homeweb.deploy.audit.Auditor;
import dev.homeweb.deploy.audit.Auditor.Field;
import java.util.Map;

/**
 * The node-side half of the magic rollback. A deploy writes {@code state/pending} (the previous and
 * the new release) and arms {@code home-web-rollback.timer} before it switches; confirming removes
 * the file and stops the timer. If the deployer dies or cannot reach the node again, the timer runs
 * this script, which switches {@code current} back by renaming a new symlink over it. The timer
 * does not survive a reboot, so {@code home-web-recover.service} runs it at boot with reason {@code
 * reboot}, before the server starts: then it only switches and imports, for the boot starts the
 * server next (restarting it from a unit it is ordered before would wait on itself). A deploy that
 * changed only content ({@code restart=no}) is rolled back without a restart too: the running
 * server just reloads.
 */
final class RollbackScript {
    private RollbackScript() {}

    static String render(NodeLayout layout) {
        return """
                #!/bin/sh
                # Installed by home-web deploy. Usage: home-web-rollback REASON
                # Rolls back the unconfirmed deploy recorded in %2$s, if any.
                set -eu
                %6$sroot=%1$s
                pending=%2$s
                reason=${1:-manual}
                if [ ! -f "$pending" ]; then
                    echo "home-web-rollback: no unconfirmed deploy, nothing to do"
                    exit 0
                fi
                previous=$(sed -n 's/^previous=//p' "$pending")
                release=$(sed -n 's/^release=//p' "$pending")
                restart=$(sed -n 's/^restart=//p' "$pending")
                if [ -n "$previous" ] && [ -d "$root/releases/$previous" ]; then
                    ln -sfn "releases/$previous" "$root/current.rollback"
                    mv -T "$root/current.rollback" "$root/current"
                    systemctl start %3$s || echo "home-web-rollback: content import failed"
                    if [ "$reason" != reboot ] && [ "$restart" != no ]; then systemctl restart %4$s; fi
                    outcome="rolled back to $previous"
                else
                    if [ "$reason" != reboot ]; then systemctl stop %4$s 'home-web-*.socket' || true; fi
                    rm -f "$root/current"
                    outcome="stopped: no previous release"
                fi
                rm -f "$pending"
                sync "$root" "$root/state" 2>/dev/null || sync
                %5$secho "home-web-rollback: $outcome"
                """
                .formatted(
                        layout.root(),
                        layout.pending(),
                        NodeLayout.IMPORT,
                        NodeLayout.SERVICE,
                        auditLine(),
                        Auditor.SHELL_QUOTE_FUNCTION);
    }

    /** The same line format as the deployer's, with the script's values. */
    private static String auditLine() {
        return Auditor.shellAppend(
                "\"$(date -u +%Y-%m-%dT%H:%M:%SZ)\"",
                Map.of(
                        Field.NODE, "\"$(hostname)\"",
                        Field.ACTION, "rollback",
                        Field.RELEASE, "\"$release\"",
                        Field.REASON, "\"$reason\"",
                        Field.RESULT, "\"$outcome\""),
                "\"$root/audit.log\"");
    }
}

package dev.homeweb.deploy.rollout;

import dev.homeweb.deploy.config.NodeConfig;
import dev.homeweb.node.secrets.SecretChange;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;

/**
 * Which units a deploy's secret changes touch: those listed under a secret whose value was added or
 * changed. Template units ({@code home-web-migrate@.service}) are skipped: each release runs its
 * own instance, which reads the credential when it starts.
 */
record SecretRestarts(List<SecretChange> changes, List<String> units) {
    SecretRestarts {
        changes = List.copyOf(changes);
        units = List.copyOf(units);
    }

    static SecretRestarts of(NodeConfig node, List<SecretChange> changes) {
        var units = new LinkedHashSet<String>();
        for (var change : changes) {
            if (!change.restarts()) {
                continue;
            }
            node.secrets().stream()
                    .filter(s -> s.credential().equals(change.name()))
                    .flatMap(s -> s.units().stream())
                    .filter(u -> !u.contains("@."))
                    .forEach(units::add);
        }
        return new SecretRestarts(changes, new ArrayList<>(units));
    }

    boolean anyChange() {
        return changes.stream().anyMatch(c -> c.status() != SecretChange.Status.UNCHANGED);
    }

    List<String> changed() {
        return changes.stream()
                .filter(c -> c.status() != SecretChange.Status.UNCHANGED)
                .map(SecretChange::describe)
                .toList();
    }

    List<String> unitsBesides(String unit) {
        return units.stream().filter(u -> !u.equals(unit)).toList();
    }

    /** For the restart step: {@code service}, then the others, which restart only if running. */
    String describeRestart(String service, boolean restartService) {
        var others = unitsBesides(service);
        var text = restartService ? service : "";
        if (!others.isEmpty()) {
            text += (text.isEmpty() ? "" : "; ") + "if running: " + String.join(" ", others);
        }
        return text;
    }

    static String describe(List<SecretChange> changes) {
        if (changes.isEmpty()) {
            return "none";
        }
        var changed =
                changes.stream()
                        .filter(c -> c.status() != SecretChange.Status.UNCHANGED)
                        .map(SecretChange::describe)
                        .toList();
        return changed.isEmpty()
                ? changes.size() + " unchanged"
                : String.join(", ", changed)
                        + (changed.size() < changes.size()
                                ? "; " + (changes.size() - changed.size()) + " unchanged"
                                : "");
    }
}

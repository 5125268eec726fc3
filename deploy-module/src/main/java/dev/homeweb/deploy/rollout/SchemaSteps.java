package dev.homeweb.deploy.rollout;

import dev.homeweb.deploy.config.DeploySettings;
import dev.homeweb.deploy.config.NodeConfig;
import dev.homeweb.deploy.config.SecretFile;
import dev.homeweb.deploy.release.Migration;
import dev.homeweb.deploy.units.NodeLayout;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The steps that keep releases and the schema apart: a backup before new migrations run, and the
 * check that refuses a rollback to a release older than a migration the database has, unless that
 * migration is declared backward compatible ({@link Migration#MARKER}) or the rollback is forced.
 */
final class SchemaSteps {
    private final NodeConfig node;
    private final NodeLayout layout;
    private final DeploySettings settings;

    SchemaSteps(NodeConfig node, DeploySettings settings) {
        this.node = node;
        this.layout = new NodeLayout(node.root());
        this.settings = settings;
    }

    /** The node's database URL credential file. */
    String credential() {
        return node.secrets().stream()
                .filter(s -> s.credential().equals(SecretFile.DATABASE_URL))
                .findFirst()
                .flatMap(SecretFile::path)
                .orElse(NodeLayout.credential(SecretFile.DATABASE_URL));
    }

    /** Before migrations the node has not applied: {@code pg_dump}, keeping the newest N. */
    Step<String> backup(String release, List<String> migrations) {
        return Step.before(
                "backup",
                session -> {
                    var applied = names(applied(session));
                    var fresh =
                            migrations.stream()
                                    .map(l -> Migration.parse(l).name())
                                    .filter(n -> !applied.contains(n))
                                    .toList();
                    if (fresh.isEmpty()) {
                        return "none needed: no new migration";
                    }
                    if (settings.keepBackups() == 0) {
                        return "off (settings.backups: 0); new: " + String.join(", ", fresh);
                    }
                    var result =
                            session.run(
                                    SchemaScripts.backup(
                                            layout, credential(), release, settings.keepBackups()));
                    if (!result.ok()) {
                        throw StepFailed.failed(
                                "backup before migrating failed, nothing changed: "
                                        + result.lastLine());
                    }
                    return result.stdout().strip() + " (before " + String.join(", ", fresh) + ")";
                },
                detail -> detail);
    }

    /**
     * For a rollback to the run's release: refuses if the database has a migration that release
     * does not know and that is not declared backward compatible, unless {@code force}.
     */
    Step<String> check(boolean force) {
        return Step.before(
                "schema",
                session -> {
                    var target = session.release().orElseThrow();
                    var known = names(session.queries().migrationsOf(target));
                    var ahead =
                            applied(session).values().stream()
                                    .filter(m -> !known.contains(m.name()))
                                    .toList();
                    var blocking = ahead.stream().filter(m -> !m.backwardCompatible()).toList();
                    var version = Migration.schemaVersion(session.queries().migrationsOf(target));
                    if (!blocking.isEmpty() && !force) {
                        throw StepFailed.failed(
                                "refused: release "
                                        + target
                                        + " was built for schema version "
                                        + version
                                        + ", but the database has "
                                        + blocking.stream()
                                                .map(Migration::name)
                                                .collect(Collectors.joining(", "))
                                        + ", not declared backward compatible (a line '"
                                        + Migration.MARKER
                                        + "' in the migration); nothing changed. Pass --force to"
                                        + " roll back anyway, or restore a backup taken before"
                                        + " it (deploy backups restore)");
                    }
                    if (ahead.isEmpty()) {
                        return "schema version " + version + ", nothing newer applied";
                    }
                    return (blocking.isEmpty() ? "backward compatible: " : "FORCED past ")
                            + ahead.stream().map(Migration::name).collect(Collectors.joining(", "));
                },
                detail -> detail);
    }

    /**
     * The migrations the database has, by name: what this node's deploys recorded, and (for nodes
     * deployed before the record) the serving release's, which ran before it switched.
     */
    static Map<String, Migration> applied(NodeSession session) {
        var queries = session.queries();
        var lines = new java.util.ArrayList<>(queries.lines(session.layout().appliedMigrations()));
        queries.current().ifPresent(c -> lines.addAll(queries.migrationsOf(c)));
        var out = new LinkedHashMap<String, Migration>();
        for (var line : lines) {
            var m = Migration.parse(line);
            out.merge(m.name(), m, (a, b) -> a.backwardCompatible() ? a : b);
        }
        return out;
    }

    private static Set<String> names(Map<String, Migration> applied) {
        return applied.keySet();
    }

    private static Set<String> names(List<String> lines) {
        return lines.stream().map(l -> Migration.parse(l).name()).collect(Collectors.toSet());
    }
}

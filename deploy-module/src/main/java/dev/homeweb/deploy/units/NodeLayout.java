package dev.homeweb.deploy.units;

import dev.homeweb.node.secrets.SecretsAgent;
import java.util.Objects;

/**
 * Where things live on a node under its root (default {@code /var/lib/home-web}); the single source
 * of these paths for the units, the scripts and the deployer.
 */
public record NodeLayout(String root) {
    public static final String SERVICE = "home-web.service";
    public static final String IMPORT = "home-web-import.service";
    public static final String ROLLBACK = "home-web-rollback.service";
    public static final String ROLLBACK_TIMER = "home-web-rollback.timer";
    public static final String RECOVER = "home-web-recover.service";
    public static final String CREDSTORE = SecretsAgent.CREDSTORE;

    /**
     * The server's {@code StateDirectory=} for the ACME account key and certificates: outside every
     * release and outside the root, so deploys, rollbacks and pruning never touch it.
     */
    public static final String TLS_STATE_DIRECTORY = "home-web-tls";

    public static final String TLS_STATE = "/var/lib/" + TLS_STATE_DIRECTORY;

    public NodeLayout {
        Objects.requireNonNull(root, "root");
    }

    /** The migrate unit for one release: a template instance, so it runs that release's code. */
    public static String migrateUnit(String releaseId) {
        return "home-web-migrate@" + releaseId + ".service";
    }

    public String releases() {
        return root + "/releases";
    }

    public String release(String id) {
        return releases() + "/" + id;
    }

    public String current() {
        return root + "/current";
    }

    public String store() {
        return root + "/store";
    }

    public String state() {
        return root + "/state";
    }

    public String pending() {
        return state() + "/pending";
    }

    public String good() {
        return state() + "/good";
    }

    /** The migrations this node's deploys applied, one {@code migrations.txt} line each. */
    public String appliedMigrations() {
        return state() + "/migrations";
    }

    /** The pre-migration database backups: root-only, {@code pg_dump} custom format. */
    public String backups() {
        return root + "/backups";
    }

    public String lock() {
        return root + "/deploy.lock";
    }

    /** The file whose {@code flock} is the lock; it stays, so every holder locks the same inode. */
    public String flock() {
        return root + "/deploy.flock";
    }

    public String audit() {
        return root + "/audit.log";
    }

    /**
     * Files the deploy ships beside the releases: the ACME server's root ({@code acme_ca_root}).
     */
    public String etc() {
        return root + "/etc";
    }

    public static final String ACME_CA_ROOT = "acme-ca-root.pem";

    public String acmeCaRoot() {
        return etc() + "/" + ACME_CA_ROOT;
    }

    public String rollbackScript() {
        return root + "/bin/home-web-rollback";
    }

    public static String credential(String name) {
        return CREDSTORE + "/" + name;
    }
}

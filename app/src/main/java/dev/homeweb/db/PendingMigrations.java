package dev.homeweb.db;

import java.util.List;
import java.util.stream.Collectors;

/**
 * Thrown when the database is behind this build and the command must not migrate it itself; the
 * command line answers it with its own exit code.
 */
public final class PendingMigrations extends RuntimeException {
    private static final long serialVersionUID = 1L;

    PendingMigrations(List<Migrations.Migration> pending) {
        super(
                pending.size()
                        + " database migration(s) pending ("
                        + pending.stream()
                                .map(m -> "V" + m.version())
                                .collect(Collectors.joining(", "))
                        + "); run 'home-web migrate' with the same database-URL file first");
    }
}

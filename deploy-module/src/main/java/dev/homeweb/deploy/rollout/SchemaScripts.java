package dev.homeweb.deploy.rollout;

import dev.homeweb.deploy.units.NodeLayout;

/**
 * The node scripts of the schema's safety: which migrations the node applied, the backup taken
 * before new ones run, listing and restoring backups. Pure functions, tested as text ({@code
 * SchemaScriptsTest}). The database password goes from the credential file into a root-only pgpass
 * file by shell builtins, never into an argument or the environment.
 */
final class SchemaScripts {
    private SchemaScripts() {}

    /**
     * Reads the database URL ({@code postgresql://user:password@host:port/db}, or the same as
     * {@code jdbc:postgresql://host:port/db?user=..&password=..}) into shell variables and a pgpass
     * file in a private temporary folder, removed on exit.
     */
    static String connect(String credential) {
        return """
                url=$(cat %s)
                url=${url#jdbc:}
                rest=${url#*://}
                auth=
                case "$rest" in *@*) auth=${rest%%%%@*}; rest=${rest#*@} ;; esac
                where=${rest%%%%/*}
                db=${rest#*/}
                query=
                case "$db" in *\\?*) query=${db#*\\?}; db=${db%%%%\\?*} ;; esac
                user=${auth%%%%:*}
                pass=
                case "$auth" in *:*) pass=${auth#*:} ;; esac
                for kv in $(printf '%%s' "$query" | tr '&' ' '); do
                    case "$kv" in user=*) user=${kv#user=} ;; password=*) pass=${kv#password=} ;; esac
                done
                host=${where%%%%:*}
                port=5432
                case "$where" in *:*) port=${where#*:} ;; esac
                pgdir=$(mktemp -d)
                trap 'rm -rf "$pgdir"' EXIT
                printf '%%s:%%s:%%s:%%s:%%s\\n' "$host" "$port" "$db" "$user" "$pass" > "$pgdir/pgpass"
                chmod 600 "$pgdir/pgpass"
                """
                .formatted(credential);
    }

    /**
     * Dumps the database (custom format, root-only) before release {@code release}'s migrations,
     * keeps the newest {@code keep}; prints the file.
     */
    static String backup(NodeLayout layout, String credential, String release, int keep) {
        return """
                if ! command -v pg_dump >/dev/null; then
                    echo "pg_dump is not installed on the node: install PostgreSQL's client tools, or set settings.backups: 0" >&2
                    exit 1
                fi
                %1$sumask 077
                mkdir -p %2$s
                chmod 700 %2$s
                file=%2$s/$(date -u +%%Y%%m%%dT%%H%%M%%SZ)-before-%3$s.dump
                PGPASSFILE="$pgdir/pgpass" pg_dump -w -Fc -h "$host" -p "$port" -U "$user" -d "$db" -f "$file.partial"
                mv -f "$file.partial" "$file"
                ls -1t %2$s | grep '\\.dump$' | tail -n +%4$d | while read -r old; do rm -f %2$s/"$old"; done
                echo "$file"
                """
                .formatted(connect(credential), layout.backups(), release, keep + 1);
    }

    /** Restores a backup over the database: what was there is dropped first, all in one go. */
    static String restore(NodeLayout layout, String credential, String file) {
        if (!file.matches("[A-Za-z0-9._-]+\\.dump")) {
            throw new IllegalArgumentException(
                    "backup '" + file + "' is not a file name that 'deploy status' lists");
        }
        return """
                if [ ! -f %2$s/%3$s ]; then
                    echo "no backup %3$s in %2$s; 'deploy status' lists them" >&2
                    exit 1
                fi
                %1$sPGPASSFILE="$pgdir/pgpass" pg_restore -w --clean --if-exists --single-transaction --no-owner -h "$host" -p "$port" -U "$user" -d "$db" %2$s/%3$s
                echo "restored %3$s"
                """
                .formatted(connect(credential), layout.backups(), file);
    }

    /** The backups, newest first: name, size in bytes. */
    static String backups(NodeLayout layout) {
        return """
                if [ -d %1$s ]; then
                    for f in $(ls -1t %1$s | grep '\\.dump$' || true); do
                        echo "$f $(stat -c %%s %1$s/"$f")"
                    done
                fi
                """
                .formatted(layout.backups());
    }

    /** Adds the release's migrations to what the node applied, one line per name. */
    static String recordMigrations(NodeLayout layout, String release) {
        return """
                mkdir -p %1$s
                { cat %2$s 2>/dev/null || true; cat %3$s/migrations.txt; } | awk 'NF && !seen[$1]++' > %2$s.new
                mv -f %2$s.new %2$s
                """
                .formatted(layout.state(), layout.appliedMigrations(), layout.release(release));
    }
}

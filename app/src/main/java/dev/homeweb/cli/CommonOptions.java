package dev.homeweb.cli;

import java.util.LinkedHashMap;
import java.util.Map;
import picocli.CommandLine.Option;

/** Options every command takes; each also reads HOME_WEB_<NAME> from the environment. */
final class CommonOptions {
    @Option(
            names = "--database-url-file",
            paramLabel = "PATH",
            description =
                    "File holding the database URL (postgresql://user:pass@host:port/db or jdbc:postgresql://...). Default: $CREDENTIALS_DIRECTORY/database-url if present, else the embedded PostgreSQL.")
    String databaseUrlFile;

    @Option(
            names = "--data-dir",
            paramLabel = "DIR",
            description =
                    "Where the embedded PostgreSQL keeps its data. Default: $XDG_DATA_HOME/home-web or ~/.local/share/home-web.")
    String dataDir;

    @Option(
            names = "--content",
            paramLabel = "DIR",
            description = "Content folder holding posts/*.md. Default: content.")
    String content;

    Map<String, String> toMap() {
        var map = new LinkedHashMap<String, String>();
        put(map, "database-url-file", databaseUrlFile);
        put(map, "data-dir", dataDir);
        put(map, "content", content);
        return map;
    }

    static void put(Map<String, String> map, String key, String value) {
        if (value != null) {
            map.put(key, value);
        }
    }
}

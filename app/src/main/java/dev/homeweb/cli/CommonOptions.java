package dev.homeweb.cli;

import java.util.LinkedHashMap;
import java.util.Map;
import picocli.CommandLine.Model.CommandSpec;
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

    /**
     * The config options given to {@code command}: those of its mixins (this class, {@link
     * ServerOptions}, {@link HttpsOptions}) that hold a string, keyed by the option's name without
     * its dashes, as {@code AppConfig} and HOME_WEB_<NAME> key them. picocli's own --help and
     * --version hold booleans, and a command's own options are not config.
     */
    static Map<String, String> given(CommandSpec command) {
        var map = new LinkedHashMap<String, String>();
        for (var mixin : command.mixins().values()) {
            for (var option : mixin.options()) {
                if (option.getValue() instanceof String value) {
                    map.put(option.longestName().replaceFirst("^--", ""), value);
                }
            }
        }
        return map;
    }
}

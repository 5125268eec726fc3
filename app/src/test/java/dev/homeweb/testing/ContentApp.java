package dev.homeweb.testing;

import dev.homeweb.App;
import dev.homeweb.config.AppConfig;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.file.Path;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/** The composition root on a test database and a content folder, on a free port. */
public final class ContentApp {
    private ContentApp() {}

    /**
     * @param dir where the database-URL file goes
     * @param more further options, such as {@code base-url}
     * @param out what the commands print
     */
    public static App of(
            TestDatabase db, Path dir, ContentDir content, Map<String, String> more, Writer out) {
        var options = new HashMap<String, String>(more);
        options.put("database-url-file", db.writeUrlFile(dir).toString());
        options.put("content", content.root().toString());
        options.put("port", "0");
        return new App(
                AppConfig.from(options, Map.of()),
                new PrintWriter(out, true),
                Clock.systemUTC(),
                Optional.empty());
    }
}

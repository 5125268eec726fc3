package dev.homeweb.testing;

import dev.homeweb.App;
import dev.homeweb.config.AppConfig;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;

/** Starts the real server with the given options, as {@code home-web serve} would. */
public final class TestServer {
    private TestServer() {}

    public static App.Server serve(Map<String, String> options) {
        return new App(
                        AppConfig.from(options, Map.of()),
                        new PrintWriter(new StringWriter()),
                        Clock.systemUTC(),
                        Optional.of("r-test"))
                .serve();
    }
}

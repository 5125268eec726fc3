package dev.homeweb.site;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * What a local preview tells its open pages: which version of the site is current, and the content
 * error, if any, that keeps the last good version serving. Thread-safe; listeners are told on the
 * thread that made the change.
 */
public final class PreviewStatus {
    /**
     * @param version changes with every reload; begins with the start time, so a page opened before
     *     a restart reloads too
     * @param error the last import's problems and the theme's, naming each file and line
     */
    public record State(String version, Optional<String> error) {
        public State {
            Objects.requireNonNull(version, "version");
            Objects.requireNonNull(error, "error");
        }
    }

    private final String start = Long.toString(System.currentTimeMillis(), 36);
    private final List<Consumer<State>> listeners = new CopyOnWriteArrayList<>();
    private long reloads;
    private Optional<String> contentError = Optional.empty();
    private Optional<String> themeError = Optional.empty();

    public synchronized State current() {
        var both =
                java.util.stream.Stream.of(contentError, themeError)
                        .flatMap(Optional::stream)
                        .reduce((content, theme) -> content + "\n\n" + theme);
        return new State(start + "-" + reloads, both);
    }

    public void addListener(Consumer<State> listener) {
        listeners.add(Objects.requireNonNull(listener, "listener"));
    }

    /** The site has a new snapshot. */
    public void siteReloaded() {
        State state;
        synchronized (this) {
            reloads++;
            state = current();
        }
        tell(state);
    }

    /** An import went through (whether or not it changed anything). */
    public void imported() {
        change(() -> contentError = Optional.empty());
    }

    /** An import was refused; the site keeps what it had. */
    public void importFailed(String problems) {
        change(() -> contentError = Optional.of(problems));
    }

    /** The theme and site settings loaded (whether or not they changed anything). */
    public void themeLoaded() {
        change(() -> themeError = Optional.empty());
    }

    /** A template or site.yaml was refused; the pages keep the last good look. */
    public void themeFailed(String problems) {
        change(() -> themeError = Optional.of(problems));
    }

    private void change(Runnable update) {
        State state;
        synchronized (this) {
            update.run();
            state = current();
        }
        tell(state);
    }

    private void tell(State state) {
        listeners.forEach(listener -> listener.accept(state));
    }
}

package dev.homeweb.site;

import java.time.Duration;

/**
 * The background thread of a component that keeps the site in step with the database: a daemon, so
 * it never holds the JVM up, stopped by interrupting it and waiting a while for it to end.
 */
final class DaemonThread {
    private final Thread thread;

    DaemonThread(String name, Runnable body) {
        this.thread = new Thread(body, name);
        this.thread.setDaemon(true);
    }

    void start() {
        thread.start();
    }

    /** Interrupts it and waits at most {@code wait} for it to end. */
    void stop(Duration wait) {
        thread.interrupt();
        try {
            thread.join(wait.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Sleeps on the calling thread; true when interrupted instead (by {@link #stop}). */
    static boolean sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return true;
        }
    }
}

package dev.homeweb.cli;

import dev.homeweb.config.AppConfig;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * The subcommands that run the app: they take the same common options and build the app the same
 * way, from those options and the root's environment, so picocli reads both from here (it follows
 * inherited fields).
 */
abstract class AppCommand implements Callable<Integer> {
    @ParentCommand HomeWebCommand parent;
    @Spec CommandSpec spec;
    @Mixin CommonOptions common;

    PrintWriter out() {
        return spec.commandLine().getOut();
    }

    /** The configuration the common options given here and the environment make. */
    AppConfig config() {
        return parent.config(CommonOptions.given(spec));
    }

    /** The app over {@link #config()}, printing to {@link #out()}. */
    Application app() {
        return parent.app(config(), out());
    }
}

package dev.homeweb.cli;

import dev.homeweb.config.AppConfig;
import dev.homeweb.config.ConfigException;
import dev.homeweb.config.SecretFilePermissions;
import dev.homeweb.content.ContentException;
import dev.homeweb.db.ConnectionFailed;
import dev.homeweb.db.PendingMigrations;
import java.io.PrintWriter;
import java.util.List;
import java.util.Map;
import org.flywaydb.core.api.FlywayException;
import org.jooq.exception.DataAccessException;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code home-web}: the blog server's command line. */
@Command(
        name = "home-web",
        mixinStandardHelpOptions = true,
        versionProvider = HomeWebCommand.Version.class,
        description = "A personal blog server: Markdown posts in content/, served from PostgreSQL.",
        footerHeading = "%nExit codes:%n",
        footer = {
            "  0  success",
            "  1  runtime failure (database unreachable, I/O error)",
            "  2  bad command line or configuration",
            "  3  invalid content (nothing was imported)",
            "  4  database migrations pending (run 'home-web migrate')",
            "",
            "Every option can also be set as an environment variable: --base-url is HOME_WEB_BASE_URL."
        })
public final class HomeWebCommand implements Runnable {
    public static final int EXIT_FAILURE = 1;
    public static final int EXIT_CONFIG = 2;
    public static final int EXIT_CONTENT = 3;
    public static final int EXIT_PENDING_MIGRATIONS = 4;

    private final Map<String, String> environment;
    private final Application.Factory applications;

    @Spec CommandSpec spec;

    public HomeWebCommand(Map<String, String> environment, Application.Factory applications) {
        this.environment = Map.copyOf(environment);
        this.applications = applications;
    }

    private static final List<Class<?>> SUBCOMMANDS =
            List.of(
                    ServeCommand.class,
                    MigrateCommand.class,
                    ImportCommand.class,
                    CheckCommand.class,
                    HealthcheckCommand.class,
                    TrainCommand.class,
                    CommandLine.HelpCommand.class);

    /** A command line wired with this project's error handling and factory. */
    public static CommandLine commandLine(
            Map<String, String> environment, Application.Factory applications) {
        return commandLine(environment, applications, SUBCOMMANDS);
    }

    /**
     * The command line for these arguments. When they start with a subcommand's name, only that
     * subcommand is built: picocli reflects over every registered command up front, which would
     * cost a short-lived {@code import} that has nothing to do a tenth of its run.
     */
    public static CommandLine commandLine(
            Map<String, String> environment, Application.Factory applications, String[] args) {
        var chosen =
                SUBCOMMANDS.stream()
                        .filter(
                                c ->
                                        args.length > 0
                                                && c != CommandLine.HelpCommand.class
                                                && c.getAnnotation(Command.class)
                                                        .name()
                                                        .equals(args[0]))
                        .toList();
        return commandLine(environment, applications, chosen.isEmpty() ? SUBCOMMANDS : chosen);
    }

    private static CommandLine commandLine(
            Map<String, String> environment,
            Application.Factory applications,
            List<Class<?>> subcommands) {
        var root = new HomeWebCommand(environment, applications);
        var factory = new Factory(root);
        var commandLine = new CommandLine(root, factory);
        for (var subcommand : subcommands) {
            commandLine.addSubcommand(new CommandLine(subcommand, factory));
        }
        commandLine.setExecutionExceptionHandler(HomeWebCommand::handle);
        commandLine.setParameterExceptionHandler(HomeWebCommand::handleBadArguments);
        return commandLine;
    }

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    Application app(Map<String, String> options, PrintWriter out) {
        return app(config(options), out);
    }

    Application app(AppConfig config, PrintWriter out) {
        return applications.create(config, out);
    }

    /** The configuration, with a warning on stderr when the database-URL file is open to others. */
    AppConfig config(Map<String, String> options) {
        var config = AppConfig.from(options, environment);
        config.databaseUrlFile()
                .flatMap(file -> SecretFilePermissions.warning(file, environment))
                .ifPresent(
                        warning -> {
                            var err = spec.commandLine().getErr();
                            err.println("home-web: " + warning);
                            err.flush();
                        });
        return config;
    }

    Map<String, String> environment() {
        return environment;
    }

    private static int handle(
            Exception e, CommandLine commandLine, CommandLine.ParseResult parseResult) {
        var err = commandLine.getErr();
        int code;
        String message;
        if (e instanceof ConfigException) {
            code = EXIT_CONFIG;
            message = e.getMessage();
        } else if (e instanceof ContentException) {
            code = EXIT_CONTENT;
            message = e.getMessage();
        } else if (e instanceof PendingMigrations) {
            code = EXIT_PENDING_MIGRATIONS;
            message = e.getMessage();
        } else if (e instanceof ConnectionFailed) {
            code = EXIT_FAILURE;
            message = e.getMessage();
        } else if (e instanceof DataAccessException || e instanceof FlywayException) {
            code = EXIT_FAILURE;
            message = "database error: " + rootMessage(e);
        } else {
            code = EXIT_FAILURE;
            message = e.getClass().getSimpleName() + ": " + rootMessage(e);
        }
        err.println("home-web " + commandLine.getCommandName() + ": " + message);
        err.flush();
        return code;
    }

    /**
     * A heap too small for the work, said plainly instead of as a stack trace: the usual cause is a
     * first start of the embedded PostgreSQL, which unpacks its binaries, under a tiny {@code
     * -Xmx}.
     */
    public static int reportOutOfMemory(java.io.PrintStream err) {
        err.println(
                "home-web: out of memory: the Java heap (at most "
                        + Runtime.getRuntime().maxMemory() / (1024 * 1024)
                        + " MB) is too small for this."
                        + " Give it more (java -Xmx128m -jar home-web.jar ...; the systemd unit's"
                        + " JAVA_OPTS), or use an external PostgreSQL with --database-url-file,"
                        + " which needs less than the embedded one.");
        err.flush();
        return EXIT_FAILURE;
    }

    /**
     * Like picocli's default, but never echoes argument values: a user who typed a database URL on
     * the command line must not find its password repeated in logs.
     */
    private static int handleBadArguments(CommandLine.ParameterException e, String[] args) {
        var commandLine = e.getCommandLine();
        var err = commandLine.getErr();
        if (e instanceof CommandLine.UnmatchedArgumentException unmatched) {
            var names =
                    unmatched.getUnmatched().stream()
                            .map(
                                    a ->
                                            a.startsWith("-")
                                                            || a.matches(
                                                                    "[A-Za-z][A-Za-z0-9_-]{0,30}")
                                                    ? "'" + a.replaceFirst("=.*", "") + "'"
                                                    : "(a value)")
                            .distinct()
                            .collect(java.util.stream.Collectors.joining(", "));
            err.println("home-web: unknown argument(s): " + names);
            if (unmatched.getUnmatched().stream().anyMatch(a -> a.startsWith("--database-url"))) {
                err.println(
                        "The database URL is never taken on the command line: put it in a file (mode 0600)"
                                + " and pass --database-url-file PATH.");
            }
        } else {
            err.println("home-web: " + e.getMessage().replaceAll("://[^\\s']*@", "://***@"));
        }
        err.println(
                "Run '"
                        + commandLine.getCommandSpec().qualifiedName()
                        + " --help' for the options.");
        err.flush();
        return EXIT_CONFIG;
    }

    private static String rootMessage(Throwable e) {
        var cause = e;
        while (cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        return cause == e
                ? String.valueOf(e.getMessage())
                : e.getMessage() + " (" + cause.getMessage() + ")";
    }

    /** Gives subcommands their parent, so they reach the environment without static state. */
    private record Factory(HomeWebCommand root) implements CommandLine.IFactory {
        @Override
        public <K> K create(Class<K> type) throws Exception {
            if (type == HomeWebCommand.class) {
                return type.cast(root);
            }
            return CommandLine.defaultFactory().create(type);
        }
    }

    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            var version = HomeWebCommand.class.getPackage().getImplementationVersion();
            return new String[] {"home-web " + (version == null ? "dev" : version)};
        }
    }
}

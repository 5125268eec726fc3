package dev.homeweb.deploy.cli;

import dev.homeweb.deploy.config.ConfigException;
import dev.homeweb.deploy.config.DeployConfig;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code deploy}: puts home-web on the nodes of {@code deploy.yaml}. */
@Command(
        name = "deploy",
        mixinStandardHelpOptions = true,
        versionProvider = DeployCommand.Version.class,
        description = {
            "Deploy home-web to the nodes in deploy.yaml (all, or the NODEs named), in parallel:",
            "preflight, lock, upload, secrets, units, migrate, switch, import, restart, health,",
            "confirm, finalize. A node that fails after the switch rolls back."
        },
        subcommands = {UnitsCommand.class, CommandLine.HelpCommand.class},
        footerHeading = "%nExit codes:%n",
        footer = {
            "  0  deployed (or nothing to change)",
            "  1  failed before anything changed",
            "  2  bad command line or configuration (nothing contacted)",
            "  3  rolled back: the deploy failed and the node serves its previous release",
            "  4  needs attention: the node's state is unknown",
            "  5  locked by another deploy"
        })
public final class DeployCommand implements Callable<Integer> {
    private final Map<String, String> environment;
    private final Clock clock;
    private final PrintWriter out;
    private final PrintWriter err;

    @Spec CommandSpec spec;

    @Option(
            names = {"-c", "--config"},
            paramLabel = "FILE",
            description = "Deploy config (default: deploy.yaml).")
    Path configFile = Path.of("deploy.yaml");

    @Parameters(paramLabel = "NODE", arity = "0..*", description = "Default: every node.")
    List<String> nodes = new ArrayList<>();

    DeployCommand(Map<String, String> environment, Clock clock, PrintWriter out, PrintWriter err) {
        this.environment = Map.copyOf(environment);
        this.clock = clock;
        this.out = out;
        this.err = err;
    }

    /** A command line wired with this tool's error handling, streams and factory. */
    public static CommandLine commandLine(
            Map<String, String> environment, Clock clock, PrintWriter out, PrintWriter err) {
        var root = new DeployCommand(environment, clock, out, err);
        var commandLine = new CommandLine(root, new Factory(root));
        commandLine.setOut(out);
        commandLine.setErr(err);
        commandLine.setExecutionExceptionHandler(DeployCommand::handle);
        return commandLine;
    }

    @Override
    public Integer call() {
        config();
        err.println("deploy: not implemented yet");
        return ExitCode.FAILED_NO_CHANGE;
    }

    DeployConfig config() {
        return DeployConfig.load(configFile);
    }

    PrintWriter out() {
        return out;
    }

    PrintWriter err() {
        return err;
    }

    Map<String, String> environment() {
        return environment;
    }

    Clock clock() {
        return clock;
    }

    private static int handle(
            Exception e, CommandLine commandLine, CommandLine.ParseResult parseResult) {
        var err = commandLine.getErr();
        if (e instanceof ConfigException) {
            err.println("deploy: " + e.getMessage());
            err.flush();
            return ExitCode.USAGE;
        }
        err.println("deploy " + commandLine.getCommandName() + ": " + e);
        err.flush();
        return ExitCode.NEEDS_ATTENTION;
    }

    /** Gives subcommands their parent without static state. */
    private record Factory(DeployCommand root) implements CommandLine.IFactory {
        @Override
        public <K> K create(Class<K> type) throws Exception {
            if (type == DeployCommand.class) {
                return type.cast(root);
            }
            return CommandLine.defaultFactory().create(type);
        }
    }

    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            var version = DeployCommand.class.getPackage().getImplementationVersion();
            return new String[] {"home-web deploy " + (version == null ? "dev" : version)};
        }
    }
}

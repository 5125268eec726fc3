package dev.homeweb.deploy.cli;

import dev.homeweb.deploy.config.DeployConfig;
import dev.homeweb.deploy.config.NodeConfig;
import dev.homeweb.deploy.lock.LockHolder;
import dev.homeweb.deploy.release.Release;
import dev.homeweb.deploy.release.ReleaseBuilder;
import dev.homeweb.deploy.rollout.NodeAdmin;
import dev.homeweb.deploy.rollout.NodeConnector;
import dev.homeweb.deploy.rollout.Planner;
import dev.homeweb.deploy.secrets.SecretFiles;
import dev.homeweb.deploy.units.UnitFileRenderer;
import java.io.InputStream;
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

/**
 * {@code deploy}: puts home-web on the nodes of {@code deploy.yaml}. This class is the composition
 * root: it builds config, SSH, release and rollout objects with constructors, per command.
 */
@Command(
        name = "deploy",
        mixinStandardHelpOptions = true,
        versionProvider = DeployCommand.Version.class,
        description =
                "Deploy home-web to the nodes in deploy.yaml (all, or the NODEs named), in"
                        + " parallel (or in batches: settings.batch): preflight, lock, upload,"
                        + " secrets, units, backup, migrate, switch,"
                        + " import, restart, health, confirm, finalize. A node that fails after"
                        + " the switch rolls back; one that loses its deployer rolls itself back.",
        usageHelpAutoWidth = true,
        subcommands = {
            PlanCommand.class,
            BuildCommand.class,
            StatusCommand.class,
            RollbackCommand.class,
            LogsCommand.class,
            UnitsCommand.class,
            LockCommand.class,
            BackupsCommand.class,
            SecretsCommand.class,
            CommandLine.HelpCommand.class
        },
        footerHeading = "%nExit codes:%n",
        footer = {
            "  0  deployed (or nothing to change)",
            "  1  failed before anything changed (the old release keeps serving)",
            "  2  bad command line or configuration (nothing contacted)",
            "  3  rolled back: the deploy failed and the node serves its previous release",
            "  4  needs attention: the node's state is unknown",
            "  5  locked by another deploy"
        })
public final class DeployCommand implements Callable<Integer> {
    private final Map<String, String> environment;
    private final Clock clock;
    private final InputStream in;
    private final PrintWriter out;
    private final PrintWriter err;

    @Spec CommandSpec spec;

    @Option(
            names = {"-c", "--config"},
            paramLabel = "FILE",
            description = "Deploy config (default: deploy.yaml).",
            scope = CommandLine.ScopeType.INHERIT)
    Path configFile = Path.of("deploy.yaml");

    @Option(
            names = "--jar",
            paramLabel = "FILE",
            description = "Server jar (default: app/target/home-web.jar).",
            scope = CommandLine.ScopeType.INHERIT)
    Path jar = Path.of("app/target/home-web.jar");

    @Option(
            names = "--content",
            paramLabel = "DIR",
            description = "Content folder shipped in the release (default: content).",
            scope = CommandLine.ScopeType.INHERIT)
    Path content = Path.of("content");

    @Option(
            names = "--node-jar",
            paramLabel = "FILE",
            description =
                    "Secrets agent shipped in each release (default: home-web-node.jar"
                            + " beside this tool's jar).",
            scope = CommandLine.ScopeType.INHERIT)
    Path nodeJar;

    @Option(
            names = {"-i", "--identity"},
            paramLabel = "KEY",
            description = "SSH private key (default: ssh-agent, then ~/.ssh/id_*).",
            scope = CommandLine.ScopeType.INHERIT)
    Path identity;

    @Option(
            names = "--known-hosts",
            paramLabel = "FILE",
            description = "known_hosts file (default: ~/.ssh/known_hosts).",
            scope = CommandLine.ScopeType.INHERIT)
    Path knownHosts;

    @Option(
            names = "--accept-new-host-key",
            description =
                    "Trust and record the key of a host not yet in known_hosts (never a changed one).",
            scope = CommandLine.ScopeType.INHERIT)
    boolean acceptNewHostKey;

    @Option(
            names = "--json",
            description = "Print a machine-readable summary on stdout; steps go to stderr.")
    boolean json;

    @Option(
            names = {"-n", "--dry-run"},
            description = "Same as 'plan': show what would change, change nothing.")
    boolean dryRun;

    @Option(
            names = "--lock-wait",
            paramLabel = "SECONDS",
            description = "Wait this long for another deploy's lock (default: 0).")
    long lockWaitSeconds;

    @Option(
            names = "--parallel",
            paramLabel = "N",
            description = "Nodes at once (default: settings.parallel).")
    Integer parallel;

    @Option(
            names = "--rollback-succeeded",
            description =
                    "When a batch fails and the rollout stops (settings.batch,"
                            + " settings.max_failures), send the nodes of earlier batches back to"
                            + " their previous release too.")
    boolean rollbackSucceeded;

    @Parameters(paramLabel = "NODE", arity = "0..*", description = "Default: every node.")
    List<String> nodes = new ArrayList<>();

    DeployCommand(
            Map<String, String> environment,
            Clock clock,
            InputStream in,
            PrintWriter out,
            PrintWriter err) {
        this.environment = Map.copyOf(environment);
        this.clock = clock;
        this.in = in;
        this.out = out;
        this.err = err;
    }

    /** A command line wired with this tool's error handling, streams and factory. */
    public static CommandLine commandLine(
            Map<String, String> environment, Clock clock, PrintWriter out, PrintWriter err) {
        return commandLine(environment, clock, System.in, out, err);
    }

    /** The same, reading secret values for {@code secrets set} from {@code in}. */
    public static CommandLine commandLine(
            Map<String, String> environment,
            Clock clock,
            InputStream in,
            PrintWriter out,
            PrintWriter err) {
        var root = new DeployCommand(environment, clock, in, out, err);
        var commandLine = new CommandLine(root, new Factory(root));
        commandLine.setOut(out);
        commandLine.setErr(err);
        commandLine.setExecutionExceptionHandler(ExitCode::forException);
        return commandLine;
    }

    @Override
    public Integer call() {
        var config = config();
        var selected = config.select(nodes);
        checkSecretFiles(selected);
        if (dryRun) {
            return plan(config, selected);
        }
        return new DeployRun(this).run(config, selected);
    }

    int plan(DeployConfig config, List<NodeConfig> selected) {
        checkSecretFiles(selected);
        var releases = releases(selected);
        var planner = new Planner(connector(), renderer(config));
        var migrations = ReleaseBuilder.migrations(jar);
        for (var node : selected) {
            out.print(planner.plan(node, releases.get(node), migrations));
            out.flush();
        }
        return ExitCode.OK;
    }

    DeployConfig config() {
        return DeployConfig.load(configFile);
    }

    /** One release per kind of node: with the bundled runtime, or for a node's own Java. */
    Map<NodeConfig, Release> releases(List<NodeConfig> selected) {
        if (!java.nio.file.Files.isRegularFile(jar)) {
            throw new dev.homeweb.deploy.config.UserError(
                    "server jar " + jar + " does not exist; build it with mvn package");
        }
        return workstation().releases(selected, jar, content, nodeJar);
    }

    LockHolder me(String release) {
        return workstation().me(release);
    }

    Path home() {
        return workstation().home();
    }

    private Workstation workstation() {
        return new Workstation(environment, clock, err);
    }

    NodeConnector connector() {
        return workstation().connector(identity, knownHosts, acceptNewHostKey);
    }

    UnitFileRenderer renderer(DeployConfig config) {
        return new UnitFileRenderer(config.settings().confirmTimeout());
    }

    /** Every secret the nodes get must have its encrypted file before anything starts. */
    static void checkSecretFiles(List<NodeConfig> selected) {
        selected.forEach(SecretFiles::sealedFor);
    }

    InputStream in() {
        return in;
    }

    Map<String, String> environment() {
        return environment;
    }

    Path configFile() {
        return configFile;
    }

    NodeAdmin admin(DeployConfig config) {
        return new NodeAdmin(connector(), clock, config.settings());
    }

    PrintWriter out() {
        return out;
    }

    PrintWriter err() {
        return err;
    }

    Clock clock() {
        return clock;
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

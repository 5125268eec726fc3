package dev.homeweb.deploy.cli;

import dev.homeweb.deploy.config.RecipientRecorder;
import dev.homeweb.deploy.config.SecretFile;
import dev.homeweb.deploy.config.UserError;
import dev.homeweb.deploy.release.ReleaseBuilder;
import dev.homeweb.deploy.rollout.StepReporter;
import dev.homeweb.deploy.secrets.Plaintext;
import dev.homeweb.deploy.secrets.SecretEditor;
import dev.homeweb.deploy.secrets.SecretFiles;
import dev.homeweb.node.age.AgeIdentity;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/**
 * {@code deploy secrets ...}: age-encrypted secrets in the repository. Only {@code edit}, {@code
 * show} and {@code rekey} need an admin identity; deploying needs none.
 */
@Command(
        name = "secrets",
        mixinStandardHelpOptions = true,
        description =
                "Secrets encrypted in the repository (age format), decrypted only on the nodes.",
        subcommands = {
            SecretsCommand.Init.class,
            SecretsCommand.Set.class,
            SecretsCommand.Edit.class,
            SecretsCommand.Show.class,
            SecretsCommand.ListSecrets.class,
            SecretsCommand.Rekey.class
        })
final class SecretsCommand implements Callable<Integer> {
    @ParentCommand DeployCommand root;

    @Option(
            names = "--age-identity",
            paramLabel = "FILE",
            description =
                    "Admin age identity file (default: $HOME_WEB_AGE_IDENTITY, then"
                            + " ~/.config/home-web/age-identity).",
            scope = CommandLine.ScopeType.INHERIT)
    Path ageIdentity;

    @Override
    public Integer call() {
        root.err().println("deploy secrets: name a subcommand: init, set, edit, show, list, rekey");
        return ExitCode.USAGE;
    }

    /** A subcommand about one secret, {@code NAME}. */
    abstract static class OnSecret implements Callable<Integer> {
        @ParentCommand SecretsCommand parent;

        @Parameters(paramLabel = "NAME", description = "A secret declared under 'secrets'.")
        String name;
    }

    AgeIdentity admin() {
        var env = root.environment();
        var config =
                env.containsKey("XDG_CONFIG_HOME")
                        ? Path.of(env.get("XDG_CONFIG_HOME"))
                        : root.home().resolve(".config");
        return SecretFiles.adminIdentity(
                ageIdentity,
                env.get("HOME_WEB_AGE_IDENTITY"),
                config.resolve("home-web/age-identity"));
    }

    @Command(
            name = "init",
            mixinStandardHelpOptions = true,
            description =
                    "Create NODE's age identity on the node (root-only, never overwritten) and"
                            + " record its recipient in the config. Uploads the release first:"
                            + " its agent makes the key.")
    static final class Init implements Callable<Integer> {
        @ParentCommand SecretsCommand parent;

        @Parameters(paramLabel = "NODE")
        String node;

        @Override
        public Integer call() throws IOException {
            var root = parent.root;
            var config = root.config();
            var target = config.select(java.util.List.of(node)).get(0);
            var release = root.releases(java.util.List.of(target)).get(target);
            var init =
                    root.admin(config)
                            .initSecrets(
                                    target,
                                    release,
                                    ReleaseBuilder.migrations(root.jar),
                                    root.me(release.id()),
                                    new StepReporter(root.out(), root.clock()).forNode(node));
            if (init.recipient().isEmpty()) {
                root.err().println("deploy secrets init: " + init.node().message());
                return init.node().outcome().exitCode();
            }
            var recipient = init.recipient().get();
            root.out().println(node + ": age recipient " + recipient);
            var file = root.configFile();
            if (target.ageRecipient().filter(recipient::equals).isPresent()) {
                root.out().println("already recorded in " + file);
            } else {
                var text = Files.readString(file);
                Files.writeString(file, RecipientRecorder.record(text, node, recipient, file));
                root.out().println("recorded as nodes." + node + ".age_recipient in " + file);
                if (target.ageRecipient().isPresent()) {
                    root.out().println("the recipient changed: run ./deploy secrets rekey");
                }
            }
            return ExitCode.OK;
        }
    }

    @Command(
            name = "set",
            mixinStandardHelpOptions = true,
            description =
                    "Encrypt a new value for secret NAME, read from stdin (or --from-file), to its"
                            + " nodes and the admins. Needs no identity.")
    static final class Set extends OnSecret {
        @Option(names = "--from-file", paramLabel = "FILE", description = "Read the value here.")
        Path fromFile;

        @Option(names = "--armor", description = "Write the PEM-like armored age format.")
        boolean armor;

        @Override
        public Integer call() throws IOException {
            var root = parent.root;
            var config = root.config();
            var secret = config.secrets().secret(name);
            try (var value =
                    new Plaintext(
                            fromFile != null
                                    ? Files.readAllBytes(fromFile)
                                    : root.in().readAllBytes())) {
                if (value.isEmpty()) {
                    throw new UserError(
                            "the value of secret '" + name + "' is empty; nothing written");
                }
                var files = new SecretFiles(config);
                files.write(secret, value.bytes(), armor);
                root.out()
                        .println(
                                "secret '"
                                        + name
                                        + "' encrypted to "
                                        + files.recipients(secret).size()
                                        + " recipient(s) in "
                                        + secret.localFile());
                return ExitCode.OK;
            }
        }
    }

    @Command(
            name = "edit",
            mixinStandardHelpOptions = true,
            description =
                    "Decrypt secret NAME with the admin identity into a private temporary file,"
                            + " open $EDITOR, re-encrypt if it changed, shred the file.")
    static final class Edit extends OnSecret {
        @Override
        public Integer call() throws IOException {
            var root = parent.root;
            var config = root.config();
            var secret = config.secrets().secret(name);
            var files = new SecretFiles(config);
            files.recipients(secret);
            var admin = parent.admin();
            try (var value =
                    SecretFiles.exists(secret)
                            ? files.read(secret, admin)
                            : new Plaintext(new byte[0])) {
                var edited = new SecretEditor(root.environment()).edit(name, value.bytes());
                if (edited.isEmpty()) {
                    root.out().println("secret '" + name + "' unchanged");
                    return ExitCode.OK;
                }
                try (var changed = new Plaintext(edited.get())) {
                    files.write(secret, changed.bytes(), false);
                }
                root.out().println("secret '" + name + "' re-encrypted in " + secret.localFile());
                return ExitCode.OK;
            }
        }
    }

    @Command(
            name = "show",
            mixinStandardHelpOptions = true,
            description = "Print the value of secret NAME (decrypted with the admin identity).")
    static final class Show extends OnSecret {
        @Override
        public Integer call() {
            var root = parent.root;
            var config = root.config();
            var secret = config.secrets().secret(name);
            try (var value = new SecretFiles(config).read(secret, parent.admin())) {
                root.out().print(new String(value.bytes(), StandardCharsets.UTF_8));
                root.out().flush();
            }
            return ExitCode.OK;
        }
    }

    @Command(
            name = "list",
            mixinStandardHelpOptions = true,
            description = "Secret names, their nodes and recipients, their units; never values.")
    static final class ListSecrets implements Callable<Integer> {
        @ParentCommand SecretsCommand parent;

        @Override
        public Integer call() {
            var root = parent.root;
            var config = root.config();
            var files = new SecretFiles(config);
            var out = root.out();
            out.println("admins: " + config.secrets().admins());
            for (var secret : config.secrets().secrets()) {
                out.println(
                        secret.credential()
                                + "  "
                                + secret.localFile()
                                + (SecretFiles.exists(secret) ? "" : " (MISSING)"));
                for (var node : files.nodesOf(secret)) {
                    out.println(
                            "    node   "
                                    + node.name()
                                    + " "
                                    + node.ageRecipient().orElse("(no recipient: run init)"));
                }
                out.println("    units  " + String.join(" ", secret.units()));
                out.println(
                        "    file   "
                                + secret.path()
                                        .orElse("/etc/credstore/home-web/" + secret.credential())
                                + " "
                                + secret.owner()
                                + ":"
                                + secret.group()
                                + " "
                                + secret.mode());
            }
            out.flush();
            return ExitCode.OK;
        }
    }

    @Command(
            name = "rekey",
            mixinStandardHelpOptions = true,
            description =
                    "Re-encrypt every secret to the current recipients (after adding or removing a"
                            + " node or an admin). Needs the admin identity.")
    static final class Rekey implements Callable<Integer> {
        @ParentCommand SecretsCommand parent;

        @Override
        public Integer call() {
            var config = parent.root.config();
            var files = new SecretFiles(config);
            var admin = parent.admin();
            var out = parent.root.out();
            for (SecretFile secret : config.secrets().secrets()) {
                out.println(
                        secret.credential()
                                + (files.rekey(secret, admin)
                                        ? ": re-encrypted to "
                                                + files.recipients(secret).size()
                                                + " recipient(s)"
                                        : ": no file yet, skipped"));
            }
            out.flush();
            return ExitCode.OK;
        }
    }
}

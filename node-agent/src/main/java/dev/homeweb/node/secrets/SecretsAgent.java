package dev.homeweb.node.secrets;

import dev.homeweb.node.age.Age;
import dev.homeweb.node.age.AgeIdentity;
import dev.homeweb.node.secrets.SecretChange.Status;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The release's own code that runs as root on a node ({@code lib/home-web-node.jar}): creates the
 * node's age identity, and decrypts the secrets the deployer sends on stdin. Every secret is
 * decrypted in memory before anything is written, so one that this node cannot read stops the whole
 * batch; the changed ones are then written beside their targets and renamed into place. Values are
 * never printed: only names and short SHA-256 prefixes.
 *
 * <pre>
 * SecretsAgent init --node NAME     create /etc/home-web/age/identity unless present; print recipient
 * SecretsAgent check --node NAME    stdin: sealed secrets; print what apply would change
 * SecretsAgent apply --node NAME    stdin: sealed secrets; install changed, remove unlisted
 * </pre>
 */
public final class SecretsAgent {
    public static final String IDENTITY = "/etc/home-web/age/identity";
    public static final String CREDSTORE = "/etc/credstore/home-web";

    /** Exit code when a secret cannot be decrypted or is malformed: nothing was changed. */
    public static final int REJECTED = 3;

    private final Path identityFile;
    private final Path credstore;
    private final NodeFiles files;
    private final PrintStream out;
    private final PrintStream err;

    SecretsAgent(
            Path identityFile, Path credstore, NodeFiles files, PrintStream out, PrintStream err) {
        this.identityFile = identityFile;
        this.credstore = credstore;
        this.files = files;
        this.out = out;
        this.err = err;
    }

    public static void main(String[] args) {
        var agent =
                new SecretsAgent(
                        Path.of(IDENTITY),
                        Path.of(CREDSTORE),
                        new NodeFiles(),
                        System.out,
                        System.err);
        System.exit(agent.run(args, System.in));
    }

    int run(String[] args, InputStream in) {
        if (args.length != 3 || !args[1].equals("--node")) {
            err.println("usage: SecretsAgent init|check|apply --node NAME");
            return 2;
        }
        var node = args[2];
        try {
            return switch (args[0]) {
                case "init" -> init(node);
                case "check" -> install(node, SealedSecret.readAll(in), false);
                case "apply" -> install(node, SealedSecret.readAll(in), true);
                default -> {
                    err.println("unknown command " + args[0]);
                    yield 2;
                }
            };
        } catch (Rejected e) {
            err.println(e.getMessage());
            return REJECTED;
        } catch (IOException | RuntimeException e) {
            // Own messages name files only; library messages are not shown (they may quote input).
            err.println(
                    "secrets agent on node '"
                            + node
                            + "' failed: "
                            + e.getClass().getSimpleName()
                            + (e instanceof IOException ? " " + e.getMessage() : ""));
            return 1;
        }
    }

    /** Creates the identity unless one exists (never overwrites); prints its recipient. */
    int init(String node) throws IOException {
        boolean created = false;
        if (!Files.exists(identityFile)) {
            var identity = AgeIdentity.generate();
            files.createPrivateDirectories(identityFile.getParent());
            files.writeNew(
                    identityFile,
                    identity.fileText(Instant.now()).getBytes(StandardCharsets.US_ASCII),
                    "0400");
            created = true;
        }
        var recipient =
                readIdentity(node)
                        .recipient()
                        .orElseThrow(
                                () ->
                                        new Rejected(
                                                identityFile
                                                        + " has no '# public key:' line; add the"
                                                        + " recipient age-keygen -y prints"));
        out.println("recipient " + recipient);
        out.println(created ? "created " + identityFile : "existing " + identityFile);
        return 0;
    }

    int install(String node, List<SealedSecret> sealed, boolean apply) throws IOException {
        var identity = readIdentity(node);
        var plain = new LinkedHashMap<SealedSecret, byte[]>();
        var problems = new ArrayList<String>();
        for (var secret : sealed) {
            try {
                plain.put(secret, Age.decrypt(secret.ciphertext(), identity.secretKeys()));
            } catch (Age.AgeException e) {
                problems.add(
                        "secret '"
                                + secret.name()
                                + "' cannot be decrypted on node '"
                                + node
                                + "': "
                                + e.getMessage());
            }
        }
        try {
            if (!problems.isEmpty()) {
                throw new Rejected(
                        String.join("\n", problems)
                                + "\nnothing was changed; re-encrypt with ./deploy secrets rekey"
                                + " (or ./deploy secrets set NAME)");
            }
            var changes = new ArrayList<SecretChange>();
            var writes = new LinkedHashMap<SealedSecret, byte[]>();
            for (var entry : plain.entrySet()) {
                var secret = entry.getKey();
                var hash = sha256(entry.getValue());
                var target = Path.of(secret.path());
                var before = files.readIfPresent(target);
                Status status;
                if (before.isEmpty()) {
                    status = Status.ADDED;
                } else {
                    status =
                            MessageDigest.isEqual(before.get(), entry.getValue())
                                    ? Status.UNCHANGED
                                    : Status.CHANGED;
                    Arrays.fill(before.get(), (byte) 0);
                }
                if (status != Status.UNCHANGED) {
                    writes.put(secret, entry.getValue());
                }
                changes.add(new SecretChange(secret.name(), status, Optional.of(hash)));
            }
            var installed = readManifest();
            var removed = new LinkedHashMap<String, String>(installed);
            sealed.forEach(s -> removed.remove(s.name()));
            removed.keySet()
                    .forEach(
                            n ->
                                    changes.add(
                                            new SecretChange(n, Status.REMOVED, Optional.empty())));
            if (apply) {
                write(writes, sealed, removed);
            }
            changes.forEach(c -> out.println(c.line()));
            return 0;
        } finally {
            plain.values().forEach(v -> Arrays.fill(v, (byte) 0));
        }
    }

    /** New files first, each renamed into place; then removals; then the manifest. */
    private void write(
            Map<SealedSecret, byte[]> writes, List<SealedSecret> all, Map<String, String> removed)
            throws IOException {
        files.createPrivateDirectories(credstore);
        var staged = new LinkedHashMap<Path, Path>();
        try {
            for (var entry : writes.entrySet()) {
                var s = entry.getKey();
                var target = Path.of(s.path());
                files.createPrivateDirectories(target.getParent());
                var tmp = target.resolveSibling("." + target.getFileName() + ".new");
                Files.deleteIfExists(tmp);
                files.writeNew(tmp, entry.getValue(), "0600");
                files.setOwner(tmp, s.owner(), s.group());
                files.setMode(tmp, s.mode());
                staged.put(tmp, target);
            }
            for (var entry : staged.entrySet()) {
                files.rename(entry.getKey(), entry.getValue());
            }
            staged.clear();
        } finally {
            for (var tmp : staged.keySet()) {
                Files.deleteIfExists(tmp);
            }
        }
        for (var s : all) {
            if (!writes.containsKey(s)) {
                files.setOwner(Path.of(s.path()), s.owner(), s.group());
                files.setMode(Path.of(s.path()), s.mode());
            }
        }
        for (var path : removed.values()) {
            Files.deleteIfExists(Path.of(path));
        }
        var manifest = new StringBuilder();
        all.forEach(s -> manifest.append(s.name()).append(' ').append(s.path()).append('\n'));
        var tmp = credstore.resolve(".installed.new");
        Files.deleteIfExists(tmp);
        files.writeNew(tmp, manifest.toString().getBytes(StandardCharsets.UTF_8), "0600");
        files.rename(tmp, credstore.resolve(".installed"));
    }

    private Map<String, String> readManifest() throws IOException {
        var file = credstore.resolve(".installed");
        var out = new LinkedHashMap<String, String>();
        if (Files.exists(file)) {
            for (var line : Files.readAllLines(file)) {
                var f = line.split(" ", 2);
                if (f.length == 2) {
                    out.put(f[0], f[1]);
                }
            }
        }
        return out;
    }

    private AgeIdentity readIdentity(String node) throws IOException {
        if (!Files.exists(identityFile)) {
            throw new Rejected(
                    "node '"
                            + node
                            + "' has no age identity ("
                            + identityFile
                            + "); run ./deploy secrets init "
                            + node);
        }
        return AgeIdentity.parse(Files.readString(identityFile), identityFile.toString());
    }

    static String sha256(byte[] value) {
        try {
            var hash = MessageDigest.getInstance("SHA-256").digest(value);
            return HexFormat.of().formatHex(hash).substring(0, 12);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A refusal whose message is safe to show: it names secrets and the node, never a value. */
    static final class Rejected extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Rejected(String message) {
            super(message);
        }
    }
}

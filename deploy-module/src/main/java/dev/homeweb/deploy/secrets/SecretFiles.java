package dev.homeweb.deploy.secrets;

import dev.homeweb.deploy.config.DeployConfig;
import dev.homeweb.deploy.config.NodeConfig;
import dev.homeweb.deploy.config.SecretFile;
import dev.homeweb.deploy.config.UserError;
import dev.homeweb.deploy.units.NodeLayout;
import dev.homeweb.node.age.Age;
import dev.homeweb.node.age.AgeIdentity;
import dev.homeweb.node.secrets.SealedSecret;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;

/**
 * The encrypted secret files of the repository: who each is encrypted to, and writing them. A file
 * is replaced by rename, so an interrupted write leaves the old one.
 */
public final class SecretFiles {
    private final DeployConfig config;

    public SecretFiles(DeployConfig config) {
        this.config = config;
    }

    /** The encrypted secrets a node gets, read from their files; a missing one is named. */
    public static List<SealedSecret> sealedFor(NodeConfig node) {
        return node.secrets().stream().map(SecretFiles::seal).toList();
    }

    /** The nodes that get {@code secret}: those it names, or every node. */
    public List<NodeConfig> nodesOf(SecretFile secret) {
        return config.nodes().values().stream()
                .filter(n -> secret.nodes().isEmpty() || secret.nodes().contains(n.name()))
                .toList();
    }

    /** The nodes' recipients (each must have run {@code secrets init}) plus the admins'. */
    public List<String> recipients(SecretFile secret) {
        var out = new LinkedHashSet<String>();
        nodesOf(secret).forEach(n -> out.add(n.requireRecipient()));
        out.addAll(config.secrets().admins());
        return new ArrayList<>(out);
    }

    /** The encrypted file a secret of the config names, as the node's agent gets it. */
    public static SealedSecret seal(SecretFile spec) {
        var file = spec.localFile();
        try {
            var bytes = Files.readAllBytes(file);
            return new SealedSecret(
                    spec.credential(),
                    spec.path().orElse(NodeLayout.credential(spec.credential())),
                    spec.owner(),
                    spec.group(),
                    spec.mode(),
                    bytes);
        } catch (NoSuchFileException e) {
            throw new UserError(
                    "secret '"
                            + spec.credential()
                            + "': "
                            + file
                            + " does not exist; create it with ./deploy secrets set "
                            + spec.credential());
        } catch (IOException e) {
            throw new UserError("secret '" + spec.credential() + "': " + file + " cannot be read");
        }
    }

    /** Encrypts {@code value} to the secret's recipients and replaces its file. */
    public void write(SecretFile secret, byte[] value, boolean armor) {
        var ciphertext = Age.encrypt(value, recipients(secret), armor);
        var file = secret.localFile();
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            var tmp = file.resolveSibling("." + file.getFileName() + ".tmp");
            Files.write(tmp, ciphertext);
            Files.move(
                    tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }

    /**
     * Re-encrypts the secret's file to its current recipients; false when it has no file yet. The
     * plaintext lives only inside this method.
     */
    public boolean rekey(SecretFile secret, AgeIdentity admin) {
        if (!exists(secret)) {
            return false;
        }
        try (var value = read(secret, admin)) {
            write(secret, value.bytes(), false);
        }
        return true;
    }

    /** Decrypts the secret's file with an admin identity; close the result to wipe it. */
    public Plaintext read(SecretFile secret, AgeIdentity admin) {
        var file = secret.localFile();
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (IOException e) {
            throw new UserError(
                    "secret '"
                            + secret.credential()
                            + "': "
                            + file
                            + " cannot be read; create it with ./deploy secrets set "
                            + secret.credential());
        }
        try {
            return new Plaintext(Age.decrypt(bytes, admin.secretKeys()));
        } catch (Age.AgeException e) {
            throw new UserError(
                    "secret '" + secret.credential() + "' (" + file + "): " + e.getMessage());
        }
    }

    public static boolean exists(SecretFile secret) {
        return Files.isRegularFile(secret.localFile());
    }

    /** The admin identity file: {@code --age-identity}, else the variable, else the default. */
    public static AgeIdentity adminIdentity(Path flag, String variable, Path defaultFile) {
        Path file = flag;
        if (file == null && variable != null && !variable.isBlank()) {
            file = Path.of(variable);
        }
        if (file == null && Files.isRegularFile(defaultFile)) {
            file = defaultFile;
        }
        if (file == null) {
            throw new UserError(
                    "no admin identity: pass --age-identity FILE or set HOME_WEB_AGE_IDENTITY to"
                            + " the path of an age identity file (create one with age-keygen -o "
                            + defaultFile
                            + ")");
        }
        try {
            return AgeIdentity.parse(Files.readString(file), file.toString());
        } catch (IllegalArgumentException e) {
            throw new UserError(e.getMessage(), e);
        } catch (IOException e) {
            throw new UserError("admin identity " + file + " cannot be read");
        }
    }

    /** A private scratch directory for an edit: on /dev/shm when there is one. */
    static Path scratchDirectory() throws IOException {
        var perms =
                java.nio.file.attribute.PosixFilePermissions.asFileAttribute(
                        java.nio.file.attribute.PosixFilePermissions.fromString("rwx------"));
        var shm = Path.of("/dev/shm");
        if (Files.isDirectory(shm) && Files.isWritable(shm)) {
            return Files.createTempDirectory(shm, "home-web-secret-", perms);
        }
        return Files.createTempDirectory("home-web-secret-", perms);
    }
}

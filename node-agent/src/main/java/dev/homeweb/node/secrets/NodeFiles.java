package dev.homeweb.node.secrets;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Optional;
import java.util.Set;

/** The file operations, root-owned and private by default. */
class NodeFiles {
    void createPrivateDirectories(Path dir) throws IOException {
        if (Files.isDirectory(dir)) {
            return;
        }
        createPrivateDirectories(dir.getParent());
        Files.createDirectory(
                dir,
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
    }

    /** Creates {@code file} (failing if it exists) with {@code mode} and writes {@code bytes}. */
    void writeNew(Path file, byte[] bytes, String mode) throws IOException {
        try (var channel =
                FileChannel.open(
                        file,
                        Set.of(StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE),
                        PosixFilePermissions.asFileAttribute(
                                PosixFilePermissions.fromString("rw-------")))) {
            var buffer = ByteBuffer.wrap(bytes);
            while (buffer.hasRemaining()) {
                channel.write(buffer);
            }
            channel.force(true);
        }
        setMode(file, mode);
    }

    Optional<byte[]> readIfPresent(Path file) throws IOException {
        return Files.isRegularFile(file) ? Optional.of(Files.readAllBytes(file)) : Optional.empty();
    }

    void setOwner(Path file, String owner, String group) throws IOException {
        var lookup = file.getFileSystem().getUserPrincipalLookupService();
        var view = Files.getFileAttributeView(file, PosixFileAttributeView.class);
        view.setOwner(lookup.lookupPrincipalByName(owner));
        view.setGroup(lookup.lookupPrincipalByGroupName(group));
    }

    void setMode(Path file, String octal) throws IOException {
        int bits = Integer.parseInt(octal, 8);
        var text = new StringBuilder();
        var letters = "rwxrwxrwx";
        for (int i = 0; i < 9; i++) {
            text.append((bits & (1 << (8 - i))) != 0 ? letters.charAt(i) : '-');
        }
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString(text.toString()));
    }

    void rename(Path from, Path to) throws IOException {
        Files.move(from, to, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    }
}

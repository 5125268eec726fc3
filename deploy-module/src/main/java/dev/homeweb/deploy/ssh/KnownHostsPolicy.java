package dev.homeweb.deploy.ssh;

import com.jcraft.jsch.HostKey;
import com.jcraft.jsch.HostKeyRepository;
import com.jcraft.jsch.JSchException;
import com.jcraft.jsch.UserInfo;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Strict known_hosts checking, with optional trust-on-first-use for hosts that have no entry at
 * all. A host whose key differs from its entry is never accepted.
 */
final class KnownHostsPolicy implements HostKeyRepository {
    private final HostKeyRepository known;
    private final Path file;
    private final boolean acceptNew;

    KnownHostsPolicy(HostKeyRepository known, Path file, boolean acceptNew) {
        this.known = known;
        this.file = file;
        this.acceptNew = acceptNew;
    }

    @Override
    public int check(String host, byte[] key) {
        int result = known.check(host, key);
        if (result == NOT_INCLUDED && acceptNew) {
            try {
                var hostKey = new HostKey(host, key);
                known.add(hostKey, null);
                Files.createDirectories(file.toAbsolutePath().getParent());
                Files.writeString(
                        file,
                        host + " " + hostKey.getType() + " " + hostKey.getKey() + "\n",
                        StandardOpenOption.CREATE,
                        StandardOpenOption.APPEND);
                return OK;
            } catch (JSchException e) {
                return result;
            } catch (IOException e) {
                throw new UncheckedIOException("cannot record the host key in " + file, e);
            }
        }
        return result;
    }

    @Override
    public void add(HostKey hostkey, UserInfo ui) {
        known.add(hostkey, ui);
    }

    @Override
    public void remove(String host, String type) {
        known.remove(host, type);
    }

    @Override
    public void remove(String host, String type, byte[] key) {
        known.remove(host, type, key);
    }

    @Override
    public String getKnownHostsRepositoryID() {
        return known.getKnownHostsRepositoryID();
    }

    @Override
    public HostKey[] getHostKey() {
        return known.getHostKey();
    }

    @Override
    public HostKey[] getHostKey(String host, String type) {
        return known.getHostKey(host, type);
    }
}

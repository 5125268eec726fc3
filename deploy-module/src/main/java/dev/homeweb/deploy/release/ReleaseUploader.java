package dev.homeweb.deploy.release;

import dev.homeweb.deploy.ssh.NodeShell;
import dev.homeweb.deploy.units.NodeLayout;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.zip.GZIPOutputStream;

/**
 * Puts a release on a node. File contents live once in a content-addressed store ({@code
 * store/<sha256>-<mode>}); only what the store lacks is sent, as one tar stream, and checked with
 * {@code sha256sum} on arrival. The release directory is then made of hard links into the store,
 * unpacked from a second tar stream under a temporary name and renamed into place, so it is either
 * complete or absent.
 */
public final class ReleaseUploader {
    private final NodeShell shell;
    private final NodeLayout layout;

    public ReleaseUploader(NodeShell shell, NodeLayout layout) {
        this.shell = shell;
        this.layout = layout;
    }

    /** What an upload would send. */
    public record UploadPlan(boolean releasePresent, List<ReleaseFile> missing) {
        public long bytes() {
            return missing.stream().mapToLong(ReleaseFile::size).sum();
        }
    }

    public UploadPlan plan(Release release) {
        var result = shell.run(planScript(layout, release)).orThrow("listing the release store");
        var lines = result.stdout().lines().collect(Collectors.toCollection(TreeSet::new));
        boolean present = lines.remove("present");
        if (present) {
            return new UploadPlan(true, List.of());
        }
        return new UploadPlan(false, missing(release, lines));
    }

    /** Uploads what is missing and assembles the release; returns what was sent. */
    public UploadPlan upload(Release release, List<String> migrations) {
        var plan = plan(release);
        if (plan.releasePresent()) {
            return plan;
        }
        if (!plan.missing().isEmpty()) {
            sendToStore(plan.missing());
        }
        assemble(release, migrations);
        return plan;
    }

    private static List<ReleaseFile> missing(Release release, Set<String> stored) {
        var byName = new LinkedHashMap<String, ReleaseFile>();
        for (var file : release.files()) {
            if (!stored.contains(file.storeName())) {
                byName.putIfAbsent(file.storeName(), file);
            }
        }
        return List.copyOf(byName.values());
    }

    private void sendToStore(List<ReleaseFile> files) {
        var sums = new StringBuilder();
        for (var file : files) {
            sums.append(file.sha256()).append("  ").append(file.storeName()).append('\n');
        }
        shell.runWithInput(
                        storeScript(layout),
                        out -> {
                            var tar = new TarStream(out);
                            tar.add(".sums", sums.toString().getBytes(StandardCharsets.UTF_8));
                            for (var file : files) {
                                tar.add(file.storeName(), file.source(), file.size());
                            }
                            tar.finish();
                        })
                .orThrow("uploading " + files.size() + " file(s) to the release store");
    }

    private void assemble(Release release, List<String> migrations) {
        shell.runWithInput(
                        assembleScript(layout, release),
                        out -> {
                            // A 512-byte header per link, mostly zeros: gzip takes it to a tenth.
                            var gzip = new GZIPOutputStream(out, 64 * 1024);
                            writeAssembly(gzip, layout, release, migrations);
                            gzip.finish();
                            gzip.flush();
                        })
                .orThrow("assembling release " + release.id());
    }

    /** Prints {@code present} if the release is complete on the node, then the store's files. */
    static String planScript(NodeLayout layout, Release release) {
        return """
                if [ -f %1$s/MANIFEST ]; then echo present; fi
                if [ -d %2$s ]; then ls -1 %2$s; fi
                """
                .formatted(layout.release(release.id()), layout.store());
    }

    /**
     * Unpacks the tar stream on stdin beside the store, checks every file against {@code .sums},
     * then moves them in: a broken upload adds nothing.
     */
    static String storeScript(NodeLayout layout) {
        return """
                umask 022
                mkdir -p %1$s
                incoming=$(mktemp -d %1$s/.incoming.XXXXXX)
                trap 'rm -rf "$incoming"' EXIT
                tar -x -o -f - -C "$incoming"
                cd "$incoming"
                sha256sum --check --quiet --strict .sums >&2
                rm .sums
                for f in *; do
                    chmod "0${f##*-}" "$f"
                    mv -f "$f" ..
                done
                """
                .formatted(layout.store());
    }

    /**
     * Unpacks the release directory from the gzipped tar stream on stdin under a temporary name,
     * then renames it into place. One {@code tar} makes every hard link: a {@code ln} per file
     * forked a thousand processes for a 1,000-post release (about a second).
     */
    static String assembleScript(NodeLayout layout, Release release) {
        var partial = partial(layout, release);
        return """
                umask 022
                rm -rf %1$s
                tar -x -z -o -f - -C %2$s
                mv -T %1$s %3$s
                """
                .formatted(partial, layout.root(), layout.release(release.id()));
    }

    /**
     * The release directory as a tar stream to unpack in the node's root: a hard link into the
     * store for every file, then {@code release.env}, {@code migrations.txt} and {@code MANIFEST}
     * (written last: a release with a manifest is complete).
     */
    static void writeAssembly(
            OutputStream out, NodeLayout layout, Release release, List<String> migrations)
            throws IOException {
        var tar = new TarStream(out);
        var partial = relative(layout, partial(layout, release)) + "/";
        var store = relative(layout, layout.store()) + "/";
        for (var file : release.files()) {
            tar.link(partial + file.path(), store + file.storeName());
        }
        tar.add(partial + "release.env", utf8(release.environment(layout.release(release.id()))));
        tar.add(partial + "migrations.txt", utf8(String.join("\n", migrations) + "\n"));
        tar.add(partial + "MANIFEST", utf8(release.manifest()));
        tar.finish();
    }

    private static String partial(NodeLayout layout, Release release) {
        return layout.releases() + "/.partial-" + release.id();
    }

    /** {@code path} inside the node's root, as the tar stream names it. */
    private static String relative(NodeLayout layout, String path) {
        if (!path.startsWith(layout.root() + "/")) {
            throw new IllegalStateException(
                    path + " is not under the node's root " + layout.root());
        }
        return path.substring(layout.root().length() + 1);
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}

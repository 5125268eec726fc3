package dev.homeweb.deploy.release;

import dev.homeweb.deploy.ssh.NodeShell;
import dev.homeweb.deploy.units.NodeLayout;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * Puts a release on a node. File contents live once in a content-addressed store ({@code
 * store/<sha256>-<mode>}); only what the store lacks is sent, as one tar stream, and checked with
 * {@code sha256sum} on arrival. The release directory is then made of hard links into the store,
 * built under a temporary name and renamed into place, so it is either complete or absent.
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
        shell.run(assembleScript(layout, release, migrations))
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

    /** Builds the release of hard links into the store under a temporary name, then renames it. */
    static String assembleScript(NodeLayout layout, Release release, List<String> migrations) {
        var partial = layout.releases() + "/.partial-" + release.id();
        var script = new StringBuilder();
        script.append("umask 022\n");
        script.append("rm -rf ").append(partial).append('\n');
        var dirs = new TreeSet<String>();
        for (var file : release.files()) {
            int slash = file.path().lastIndexOf('/');
            if (slash > 0) {
                dirs.add(file.path().substring(0, slash));
            }
        }
        script.append("mkdir -p ").append(partial);
        for (var dir : dirs) {
            script.append(" \\\n  ").append(partial).append('/').append(dir);
        }
        script.append('\n');
        script.append("cd ").append(partial).append('\n');
        for (var file : release.files()) {
            script.append("ln ")
                    .append(layout.store())
                    .append('/')
                    .append(file.storeName())
                    .append(' ')
                    .append(file.path())
                    .append('\n');
        }
        script.append(heredoc("release.env", release.environment(layout.release(release.id()))));
        script.append(heredoc("migrations.txt", String.join("\n", migrations) + "\n"));
        script.append(heredoc("MANIFEST", release.manifest()));
        script.append("cd /\nmv -T ")
                .append(partial)
                .append(' ')
                .append(layout.release(release.id()))
                .append('\n');
        return script.toString();
    }

    private static String heredoc(String file, String text) {
        if (Arrays.asList(text.split("\n")).contains("HOME_WEB_EOF")) {
            throw new IllegalArgumentException("text contains the heredoc marker");
        }
        return "cat > " + file + " <<'HOME_WEB_EOF'\n" + text + "HOME_WEB_EOF\n";
    }
}

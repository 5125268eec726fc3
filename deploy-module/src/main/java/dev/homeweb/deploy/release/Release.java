package dev.homeweb.deploy.release;

import dev.homeweb.deploy.units.UnitFileRenderer;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;

/**
 * A release: the files of the server, its content and its Java runtime, identified by a hash of its
 * manifest. The same build and content always give the same id, so a redeploy finds it on the node
 * and has nothing to do.
 */
public record Release(String id, List<ReleaseFile> files) {
    public Release {
        Objects.requireNonNull(id, "id");
        files = files.stream().sorted(Comparator.comparing(ReleaseFile::path)).toList();
        var seen = new HashSet<String>();
        for (var file : files) {
            if (!seen.add(file.path())) {
                throw new IllegalArgumentException("duplicate release path " + file.path());
            }
        }
        if (!id.equals(idOf(files))) {
            throw new IllegalArgumentException("release id " + id + " does not match its files");
        }
    }

    public static Release of(List<ReleaseFile> files) {
        var sorted = files.stream().sorted(Comparator.comparing(ReleaseFile::path)).toList();
        return new Release(idOf(sorted), sorted);
    }

    /** One line per file, sorted by path; the release id is derived from exactly this text. */
    public String manifest() {
        var out = new StringBuilder();
        for (var file : files) {
            out.append(file.manifestLine()).append('\n');
        }
        return out.toString();
    }

    /**
     * Whether two manifests differ only under {@code content/}: the same server, agent and runtime,
     * so a switch between them needs an import and a reload, not a restart.
     */
    public static boolean sameCode(String manifest, String other) {
        return code(manifest).equals(code(other));
    }

    private static List<String> code(String manifest) {
        // A manifest line: sha256, size, mode, path.
        return manifest.lines()
                .filter(line -> line.split(" ", 4).length == 4)
                .filter(line -> !line.split(" ", 4)[3].startsWith("content/"))
                .sorted()
                .toList();
    }

    /**
     * The release's {@code release.env} when it lives in folder {@code dir}, read by every unit
     * that runs it: its id, and the JVM options its runtime wants (its AOT cache, by path).
     */
    public String environment(String dir) {
        var env = new StringBuilder("HOME_WEB_RELEASE_ID=" + id + "\n");
        cacheOption(env, UnitFileRenderer.RELEASE_JAVA_OPTIONS, AotCache.FILE, dir);
        cacheOption(env, UnitFileRenderer.RELEASE_IMPORT_JAVA_OPTIONS, AotCache.IMPORT_FILE, dir);
        return env.toString();
    }

    private void cacheOption(StringBuilder env, String variable, String cache, String dir) {
        if (files.stream().anyMatch(f -> f.path().equals(cache))) {
            env.append(variable)
                    .append("=-XX:AOTCache=")
                    .append(dir)
                    .append('/')
                    .append(cache)
                    .append('\n');
        }
    }

    public long totalBytes() {
        return files.stream().mapToLong(ReleaseFile::size).sum();
    }

    private static String idOf(List<ReleaseFile> sorted) {
        var text = new StringBuilder();
        for (var file : sorted) {
            text.append(file.manifestLine()).append('\n');
        }
        return Hashes.sha256(text.toString()).substring(0, 16);
    }
}

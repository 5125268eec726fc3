package dev.homeweb.content;

import dev.homeweb.internal.Sha256;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.stream.Stream;

/**
 * Lists and hashes the files of a folder: a post's folder (a Hugo page bundle) or {@code
 * content/static/}. Hidden files (editor and system litter) are left out, except {@code
 * .well-known/}, which the web has reserved for files such as {@code security.txt}.
 */
final class FileFolders {
    private FileFolders() {}

    /**
     * Every file under {@code dir} but {@code skip}; a problem (unreadable, or two names that are
     * the same once normalized) goes into {@code errors}.
     */
    static List<SiteFile> list(Path dir, Path skip, List<ContentError> errors) {
        List<Path> paths;
        try (Stream<Path> walk = Files.walk(dir)) {
            paths =
                    walk.filter(Files::isRegularFile)
                            .filter(p -> !p.equals(skip) && !hidden(dir.relativize(p)))
                            .sorted()
                            .toList();
        } catch (IOException e) {
            errors.add(new ContentError(dir, 0, "cannot list the folder: " + e.getMessage()));
            return List.of();
        }
        var files = new ArrayList<SiteFile>();
        var byName = new HashMap<String, Path>();
        for (var path : paths) {
            var name = name(dir.relativize(path));
            var other = byName.putIfAbsent(name, path);
            if (other != null) {
                errors.add(
                        new ContentError(
                                path,
                                0,
                                "has the same name as "
                                        + other
                                        + " once both are written the same way (Unicode NFC), so"
                                        + " both would get one address; rename one of them"));
                continue;
            }
            try (var in = Files.newInputStream(path)) {
                files.add(new SiteFile(name, path, Files.size(path), Sha256.hex(in)));
            } catch (IOException e) {
                errors.add(new ContentError(path, 0, "cannot be read: " + e.getMessage()));
            }
        }
        return files;
    }

    /** A reference's or file's name as this class keys it: {@code /}-separated, NFC. */
    static String name(Path relative) {
        var joined = new StringBuilder();
        for (var part : relative) {
            if (joined.length() > 0) {
                joined.append('/');
            }
            joined.append(part);
        }
        return Normalizer.normalize(joined, Normalizer.Form.NFC);
    }

    private static boolean hidden(Path relative) {
        for (var part : relative) {
            var name = part.toString();
            if (name.startsWith(".") && !name.equals(".well-known")) {
                return true;
            }
        }
        return false;
    }
}

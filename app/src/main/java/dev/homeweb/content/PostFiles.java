package dev.homeweb.content;

import dev.homeweb.markdown.FileLinks;
import dev.homeweb.routes.Routes;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Resolves one post's references to the files beside it while the post is rendered: a relative link
 * or image names a file of the post's folder, and gets that file's content-hashed address. Collects
 * the problems (a missing file, a path out of the folder, a file too large), the files used with
 * their addresses, and the post's social-preview image. One per post, one thread.
 */
final class PostFiles implements FileLinks.Resolver {
    private static final Pattern SCHEME = Pattern.compile("^[a-zA-Z][a-zA-Z0-9+.-]*:");

    /** How wide an image shows: the whole screen on a phone, the text column elsewhere. */
    static final String SIZES =
            "(max-width: " + Images.COLUMN + "px) 100vw, " + Images.COLUMN + "px";

    private final SourcePost post;
    private final FileCatalog catalog;
    private final Map<String, SiteFile> byName = new LinkedHashMap<>();
    private final List<ContentError> problems = new ArrayList<>();
    private final Map<String, String> used = new LinkedHashMap<>();
    private final Map<String, SiteFile> originals = new LinkedHashMap<>();
    private Optional<String> firstImage = Optional.empty();

    PostFiles(SourcePost post, FileCatalog catalog) {
        this.post = post;
        this.catalog = catalog;
        post.attachments().forEach(f -> byName.put(f.name(), f));
    }

    /** The problems found so far, each naming the post's file and line. */
    List<ContentError> problems() {
        return List.copyOf(problems);
    }

    /** Each address the post uses (its files and their smaller copies) and the file's hash. */
    Map<String, String> used() {
        return Map.copyOf(used);
    }

    /** The post's own files it uses, by hash (not their smaller copies). */
    List<SiteFile> originals() {
        return List.copyOf(originals.values());
    }

    /**
     * The post's picture for social previews: its {@code image:} key, else its first image; a path
     * on this site or an absolute URL.
     */
    Optional<String> image() {
        var key = post.frontMatter().image();
        if (key.isEmpty()) {
            return firstImage;
        }
        var value = key.get().value();
        // An address elsewhere is taken as it is; only a relative one names a file of the folder.
        var outside = external(value);
        return outside.isPresent()
                ? outside
                : file(value, key.get().line()).map(f -> address(f, ""));
    }

    @Override
    public Optional<String> link(String destination, int line) {
        return split(destination).flatMap(d -> file(d.path(), line).map(f -> address(f, d.rest())));
    }

    @Override
    public Optional<Map<String, String>> image(String destination, int line) {
        var parts = split(destination);
        if (parts.isEmpty()) {
            if (firstImage.isEmpty()) {
                firstImage = external(destination);
            }
            return Optional.empty();
        }
        var file = file(parts.get().path(), line);
        if (file.isEmpty()) {
            return Optional.empty();
        }
        var src = address(file.get(), "");
        if (firstImage.isEmpty()) {
            firstImage = Optional.of(src);
        }
        var attributes = new LinkedHashMap<String, String>();
        attributes.put("src", src);
        var described = catalog.describe(file.get());
        described
                .size()
                .ifPresent(
                        size -> {
                            attributes.put("width", Integer.toString(size.width()));
                            attributes.put("height", Integer.toString(size.height()));
                            if (!described.copies().isEmpty()) {
                                attributes.put(
                                        "srcset", srcset(file.get(), described, size.width()));
                                attributes.put("sizes", SIZES);
                            }
                        });
        return Optional.of(attributes);
    }

    @Override
    public void problem(int line, String message) {
        problems.add(new ContentError(post.file(), line, message));
    }

    private String srcset(SiteFile file, FileCatalog.Described described, int width) {
        var entries = new ArrayList<String>();
        for (var copy : described.copies()) {
            var path = Routes.file(copy.hash(), copyName(file.name(), copy.width()));
            used.put(path, copy.hash());
            entries.add(path + " " + copy.width() + "w");
        }
        entries.add(address(file, "") + " " + width + "w");
        return String.join(", ", entries);
    }

    /** {@code shots/big photo.png} at 672 px: {@code big photo-672w.png}. */
    static String copyName(String name, int width) {
        var base = name.substring(name.lastIndexOf('/') + 1);
        int dot = base.lastIndexOf('.');
        return dot < 0
                ? base + "-" + width + "w"
                : base.substring(0, dot) + "-" + width + "w" + base.substring(dot);
    }

    private String address(SiteFile file, String rest) {
        var path = Routes.file(file.sha256(), file.name());
        used.put(path, file.sha256());
        originals.putIfAbsent(file.sha256(), file);
        return path + rest;
    }

    private static Optional<String> external(String destination) {
        return destination.startsWith("/")
                        || destination.startsWith("https://")
                        || destination.startsWith("http://")
                ? Optional.of(destination)
                : Optional.empty();
    }

    /** A reference's path and what follows it ({@code #page=2}, {@code ?v=1}). */
    private record Parts(String path, String rest) {}

    /** The parts of a relative reference in a post folder; empty for any other reference. */
    private Optional<Parts> split(String destination) {
        if (!post.bundle()
                || destination.isEmpty()
                || destination.startsWith("/")
                || destination.startsWith("#")
                || destination.startsWith("?")
                || SCHEME.matcher(destination).find()) {
            return Optional.empty();
        }
        int end = destination.length();
        for (char c : new char[] {'#', '?'}) {
            int at = destination.indexOf(c);
            if (at >= 0) {
                end = Math.min(end, at);
            }
        }
        return Optional.of(new Parts(destination.substring(0, end), destination.substring(end)));
    }

    /** The file a relative path names, or empty after recording the problem. */
    private Optional<SiteFile> file(String written, int line) {
        var folder = ContentReader.POSTS + "/" + post.file().getParent().getFileName() + "/";
        var parts = new ArrayList<String>();
        for (var part : decode(written).split("/", -1)) {
            if (part.equals("..")) {
                if (parts.isEmpty()) {
                    problem(
                            line,
                            "'"
                                    + written
                                    + "' leaves the post's folder "
                                    + folder
                                    + "; put the file in that folder and write its name");
                    return Optional.empty();
                }
                parts.remove(parts.size() - 1);
            } else if (!part.isEmpty() && !part.equals(".")) {
                parts.add(part);
            }
        }
        var name = Normalizer.normalize(String.join("/", parts), Normalizer.Form.NFC);
        var file = byName.get(name);
        if (file == null) {
            problem(
                    line,
                    "no file '"
                            + name
                            + "' in the post's folder "
                            + folder
                            + (byName.isEmpty()
                                    ? " (it holds no other file)"
                                    : "; it holds: "
                                            + byName.keySet().stream()
                                                    .limit(10)
                                                    .collect(Collectors.joining(", "))));
            return Optional.empty();
        }
        if (file.tooLarge()) {
            problem(line, "'" + name + "' " + file.sizeProblem());
            return Optional.empty();
        }
        return Optional.of(file);
    }

    /** Percent-decoding, as a browser would before asking for the file; bad escapes kept. */
    static String decode(String text) {
        if (text.indexOf('%') < 0) {
            return text;
        }
        var out = new ByteArrayOutputStream();
        var bytes = text.getBytes(StandardCharsets.UTF_8);
        for (int i = 0; i < bytes.length; i++) {
            if (bytes[i] == '%' && i + 2 < bytes.length) {
                int hi = Character.digit(bytes[i + 1], 16);
                int lo = Character.digit(bytes[i + 2], 16);
                if (hi >= 0 && lo >= 0) {
                    out.write(hi * 16 + lo);
                    i += 2;
                    continue;
                }
            }
            out.write(bytes[i]);
        }
        return out.toString(StandardCharsets.UTF_8);
    }
}

package dev.homeweb.content;

import dev.homeweb.internal.Sha256;
import dev.homeweb.routes.Routes;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;

/**
 * Reads every {@code posts/*.md} under a content folder and validates all of them, collecting every
 * problem before failing, so one run shows the writer everything to fix. Reading and hashing are
 * here; parsing and validating are {@link PostParser}'s.
 */
public final class ContentReader {
    static final String POSTS = "posts";

    /** A Jekyll site's folder, where the file name gives the date: 2024-02-01-slug.md. */
    static final String JEKYLL_POSTS = "_posts";

    static final Pattern MARKDOWN = Pattern.compile("(.+)\\.(?:md|markdown)");

    /** A post folder's text: {@code posts/SLUG/index.md}. */
    static final String BUNDLE_INDEX = "index.md";

    private static final String STATIC = "static";

    private final PostParser parser = new PostParser(this::reread);
    private final String rendererVersion;

    public ContentReader() {
        this(MarkdownRenderer.VERSION);
    }

    /** A reader whose content hashes stand for another renderer version, for tests. */
    ContentReader(String rendererVersion) {
        this.rendererVersion = rendererVersion;
    }

    /**
     * @throws ContentException listing every problem; nothing is returned then
     */
    public List<SourcePost> read(Path contentDir) {
        return parse(readFiles(contentDir));
    }

    /**
     * Reads and hashes every post file without parsing it; unreadable files are listed, not thrown,
     * so that {@link #parse} can report them with every other problem.
     *
     * @throws ContentException when the folder is missing or cannot be listed
     */
    SourceFiles readFiles(Path contentDir) {
        var postsDir = contentDir.resolve(POSTS);
        var jekyllDir = contentDir.resolve(JEKYLL_POSTS);
        if (!Files.isDirectory(postsDir) && !Files.isDirectory(jekyllDir)) {
            throw new ContentException(
                    List.of(
                            new ContentError(
                                    postsDir,
                                    0,
                                    "no such folder; posts go in "
                                            + postsDir
                                            + "/*.md (or a Jekyll site's _posts/)")));
        }
        var paths = new ArrayList<Path>();
        for (var dir : List.of(postsDir, jekyllDir)) {
            if (Files.isDirectory(dir)) {
                paths.addAll(list(dir));
            }
        }
        var files = new ArrayList<SourceFiles.File>();
        var unreadable = new ArrayList<ContentError>();
        // Hashing is most of a no-change import's own work: use every CPU.
        for (var result : paths.parallelStream().map(this::readFile).toList()) {
            if (result.file() != null) {
                files.add(result.file());
            }
            unreadable.addAll(result.problems());
        }
        return new SourceFiles(files, statics(contentDir.resolve(STATIC), unreadable), unreadable);
    }

    /**
     * The site-wide files, served at {@code /} under their own names; those too large, or at an
     * address of the site's own, are problems.
     */
    private static List<SiteFile> statics(Path dir, List<ContentError> errors) {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        var files = new ArrayList<SiteFile>();
        for (var file : FileFolders.list(dir, dir, errors)) {
            var path = "/" + file.name();
            var reserved =
                    Routes.RESERVED.stream()
                            .filter(r -> path.equals(r) || (r.endsWith("/") && path.startsWith(r)))
                            .findFirst();
            if (reserved.isPresent()) {
                errors.add(
                        new ContentError(
                                file.path(),
                                0,
                                "would be served at "
                                        + path
                                        + ", which the site itself uses ("
                                        + reserved.get()
                                        + "); move it elsewhere under "
                                        + dir));
            } else if (file.tooLarge()) {
                errors.add(new ContentError(file.path(), 0, file.sizeProblem()));
            } else {
                files.add(file);
            }
        }
        return files;
    }

    /**
     * The posts in one folder: Markdown files, less Hugo's and Zola's {@code _index.md}, which
     * describes the section rather than being a post; and folders holding an {@code index.md}, a
     * post with its files beside it (a Hugo page bundle).
     */
    private static List<Path> list(Path dir) {
        try (Stream<Path> listing = Files.list(dir)) {
            var posts = new ArrayList<Path>();
            for (var path : listing.toList()) {
                var name = path.getFileName().toString();
                if (Files.isDirectory(path)) {
                    bundleIndex(path).ifPresent(posts::add);
                } else if (MARKDOWN.matcher(name).matches() && !name.startsWith("_index.")) {
                    posts.add(path);
                }
            }
            return posts.stream().sorted().toList();
        } catch (IOException e) {
            throw new ContentException(
                    List.of(new ContentError(dir, 0, "cannot list the folder: " + e.getMessage())));
        }
    }

    /** A post folder's Markdown file, if the folder is one. */
    private static java.util.Optional<Path> bundleIndex(Path folder) {
        for (var name : List.of(BUNDLE_INDEX, "index.markdown")) {
            var index = folder.resolve(name);
            if (Files.isRegularFile(index)) {
                return java.util.Optional.of(index);
            }
        }
        return java.util.Optional.empty();
    }

    /** Whether a post file is the text of a post folder, whose other files belong to it. */
    static boolean isBundle(Path file) {
        var parent = file.getParent();
        return parent != null
                && parent.getParent() != null
                && parent.getParent().getFileName().toString().equals(POSTS)
                && MARKDOWN.matcher(file.getFileName().toString()).matches()
                && file.getFileName().toString().startsWith("index.");
    }

    /** The outcome of reading one file: the file, unless it could not be read, and problems. */
    private record Read(SourceFiles.@Nullable File file, List<ContentError> problems) {}

    private Read readFile(Path path) {
        var problems = new ArrayList<ContentError>();
        var attachments =
                isBundle(path)
                        ? FileFolders.list(path.getParent(), path, problems)
                        : List.<SiteFile>of();
        try {
            var bytes = Files.readAllBytes(path);
            return new Read(
                    new SourceFiles.File(path, hash(path, bytes, attachments), attachments),
                    problems);
        } catch (NoSuchFileException e) {
            problems.add(new ContentError(path, 0, "vanished while reading"));
        } catch (IOException e) {
            problems.add(new ContentError(path, 0, "cannot be read: " + e.getMessage()));
        }
        return new Read(null, problems);
    }

    /**
     * The file's bytes, read again for parsing: between reading and parsing only its hash is kept,
     * so a no-change run holds no post's text, and a full run holds each file's bytes only while
     * parsing it. 10,000 posts' bytes alone are 68 MB, more than the import's whole heap.
     *
     * @throws IOException also when the file no longer has the hash it was read with
     */
    /** A file whose bytes differ from those hashed a moment before. */
    static final class Changed extends IOException {
        private static final long serialVersionUID = 1L;

        Changed() {
            super("changed while importing; run the import again");
        }
    }

    private byte[] reread(SourceFiles.File file) throws IOException {
        var bytes = Files.readAllBytes(file.path());
        if (!hash(file.path(), bytes, file.attachments()).equals(file.contentHash())) {
            throw new Changed();
        }
        return bytes;
    }

    /**
     * Parses and validates every file, using all CPUs.
     *
     * @throws ContentException listing every problem, unreadable files included
     */
    List<SourcePost> parse(SourceFiles sources) {
        return parser.parse(sources);
    }

    /**
     * As {@link #parse}, with every body left empty: see {@link PostParser#parse(SourceFiles,
     * boolean)}.
     */
    List<SourcePost> parseHeaders(SourceFiles sources) {
        return parser.parse(sources, false);
    }

    /** A post from {@link #parseHeaders} with its body, read again. */
    SourcePost withBody(SourcePost post) {
        return parser.withBody(post);
    }

    /**
     * The renderer version is part of the hash, so a renderer change re-renders every post; so are
     * the file's name and folder, which give its slug and, in _posts/, its date; and so are the
     * names and hashes of a post folder's files, whose sizes and addresses are in the HTML.
     */
    private String hash(Path file, byte[] bytes, List<SiteFile> attachments) {
        var name = file.getParent().getFileName() + "/" + file.getFileName();
        var beside = new StringBuilder();
        for (var attachment : attachments) {
            beside.append(attachment.name())
                    .append('\0')
                    .append(attachment.size())
                    .append('\0')
                    .append(attachment.sha256())
                    .append('\n');
        }
        return Sha256.hexOfFields(
                rendererVersion.getBytes(StandardCharsets.UTF_8),
                name.getBytes(StandardCharsets.UTF_8),
                bytes,
                beside.toString().getBytes(StandardCharsets.UTF_8));
    }
}

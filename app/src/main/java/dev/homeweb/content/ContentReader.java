package dev.homeweb.content;

import dev.homeweb.internal.Sha256;
import dev.homeweb.routes.Routes;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;

/**
 * Reads every {@code posts/*.md} under a content folder and validates all of them, collecting every
 * problem before failing, so one run shows the writer everything to fix.
 */
public final class ContentReader {
    static final Pattern SLUG = Pattern.compile("[a-z0-9]+(?:-[a-z0-9]+)*");
    static final String POSTS = "posts";

    /** A Jekyll site's folder, where the file name gives the date: 2024-02-01-slug.md. */
    static final String JEKYLL_POSTS = "_posts";

    static final Pattern MARKDOWN = Pattern.compile("(.+)\\.(?:md|markdown)");

    /** A post folder's text: {@code posts/SLUG/index.md}. */
    static final String BUNDLE_INDEX = "index.md";

    private static final String STATIC = "static";
    private static final int MAX_SLUG = 200;

    private final FrontMatterParser frontMatter = new FrontMatterParser();
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
                    new SourceFiles.File(path, bytes, hash(path, bytes, attachments), attachments),
                    problems);
        } catch (NoSuchFileException e) {
            problems.add(new ContentError(path, 0, "vanished while reading"));
        } catch (IOException e) {
            problems.add(new ContentError(path, 0, "cannot be read: " + e.getMessage()));
        }
        return new Read(null, problems);
    }

    /**
     * Parses and validates every file, using all CPUs.
     *
     * @throws ContentException listing every problem, unreadable files included
     */
    List<SourcePost> parse(SourceFiles sources) {
        var errors = new ArrayList<ContentError>(sources.unreadable());
        var posts = new ArrayList<SourcePost>();
        var bySlug = new HashMap<String, Path>();
        var parsed = sources.files().parallelStream().map(this::parseOne).toList();
        for (var result : parsed) {
            if (result instanceof Parsed.Problem problem) {
                errors.add(problem.error());
                continue;
            }
            var post = ((Parsed.Post) result).post();
            var other = bySlug.putIfAbsent(post.slug(), post.file());
            if (other != null) {
                errors.add(
                        new ContentError(
                                post.file(),
                                0,
                                "duplicate slug '"
                                        + post.slug()
                                        + "': "
                                        + other
                                        + " has it too; give one of them another slug"));
            } else {
                posts.add(post);
            }
        }
        checkAliases(posts, errors);
        if (!errors.isEmpty()) {
            throw new ContentException(errors);
        }
        return posts;
    }

    /** The outcome of parsing one file. */
    private sealed interface Parsed {
        record Post(SourcePost post) implements Parsed {}

        record Problem(ContentError error) implements Parsed {}
    }

    private Parsed parseOne(SourceFiles.File source) {
        try {
            return new Parsed.Post(readOne(source));
        } catch (FileProblem e) {
            return new Parsed.Problem(e.error);
        }
    }

    /** An alias may name one post only, and never the address of a post. */
    private static void checkAliases(List<SourcePost> posts, List<ContentError> errors) {
        var owners = new HashMap<String, Path>();
        for (var post : posts) {
            owners.put(Routes.post(post.slug()), post.file());
        }
        for (var post : posts) {
            for (var alias : post.frontMatter().aliases()) {
                var other = owners.putIfAbsent(alias, post.file());
                if (other != null && !other.equals(post.file())) {
                    errors.add(
                            new ContentError(
                                    post.file(),
                                    0,
                                    "alias '"
                                            + alias
                                            + "' is already the address or an alias of "
                                            + other));
                }
            }
        }
    }

    private SourcePost readOne(SourceFiles.File source) throws FileProblem {
        var file = source.path();
        var text = decodeUtf8(file, source.bytes()).replace("\r\n", "\n");
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        var fence = text.startsWith("+++\n") ? "+++" : "---";
        if (!text.startsWith(fence + "\n")) {
            throw new FileProblem(
                    file,
                    1,
                    "missing front matter: the file must start with a '---' line (YAML) or a '+++'"
                            + " line (TOML), then title and date, then the same line again");
        }
        int end = text.indexOf("\n" + fence + "\n", 3);
        if (end < 0 && text.endsWith("\n" + fence)) {
            end = text.length() - 4;
        }
        if (end < 0) {
            throw new FileProblem(
                    file,
                    1,
                    "front matter is not closed: add a '" + fence + "' line after the last key");
        }
        var header = text.substring(4, end + 1);
        var body = end + 5 <= text.length() ? text.substring(end + 5) : "";
        int bodyLine =
                (int)
                                text.substring(0, Math.min(end + 5, text.length()))
                                        .chars()
                                        .filter(c -> c == '\n')
                                        .count()
                        + 1;
        var name = PostFileName.of(file);
        FrontMatter frontMatter;
        try {
            frontMatter =
                    fence.equals("+++")
                            ? this.frontMatter.parseToml(header, 2, name.date())
                            : this.frontMatter.parseYaml(header, 2, name.date());
        } catch (FrontMatterFields.Problem p) {
            throw new FileProblem(file, p.line, p.getMessage());
        }
        var slug = frontMatter.slug().orElse(name.slug());
        if (!SLUG.matcher(slug).matches() || slug.length() > MAX_SLUG) {
            var origin = frontMatter.slug().isPresent() ? "from 'slug:'" : "from the file name";
            throw new FileProblem(
                    file,
                    0,
                    "invalid slug '"
                            + slug
                            + "' ("
                            + origin
                            + "); use lowercase letters, digits and single hyphens, such as my-first-post");
        }
        for (var tag : frontMatter.tags()) {
            var tagSlug = Tags.slug(tag);
            if (tagSlug.isEmpty()) {
                throw new FileProblem(file, 0, "tag '" + tag + "' has no letters or digits");
            }
            if (tagSlug.length() > Tags.MAX_LENGTH || tag.length() > Tags.MAX_LENGTH) {
                throw new FileProblem(
                        file, 0, "tag '" + tag + "' is too long; keep tags to a few words");
            }
        }
        return new SourcePost(
                file,
                slug,
                source.contentHash(),
                frontMatter.withoutAlias(Routes.post(slug)),
                body,
                bodyLine,
                isBundle(file),
                source.attachments());
    }

    private static String decodeUtf8(Path file, byte[] bytes) throws FileProblem {
        var decoder =
                StandardCharsets.UTF_8
                        .newDecoder()
                        .onMalformedInput(CodingErrorAction.REPORT)
                        .onUnmappableCharacter(CodingErrorAction.REPORT);
        var buffer = ByteBuffer.wrap(bytes);
        try {
            return decoder.decode(buffer).toString();
        } catch (CharacterCodingException e) {
            int line = 1;
            for (int i = 0; i < buffer.position() && i < bytes.length; i++) {
                if (bytes[i] == '\n') {
                    line++;
                }
            }
            throw new FileProblem(file, line, "not valid UTF-8 text; save the file as UTF-8");
        }
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

    private static final class FileProblem extends Exception {
        private static final long serialVersionUID = 1L;
        final transient ContentError error;

        FileProblem(Path file, int line, String message) {
            super(message, null, false, false);
            this.error = new ContentError(file, line, message);
        }
    }
}

package dev.homeweb.content;

import dev.homeweb.routes.Routes;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Parses the post files {@link ContentReader} read: splits front matter from body, parses the front
 * matter, checks slugs, tags and aliases across all files, and collects every problem before
 * failing.
 */
final class PostParser {
    static final Pattern SLUG = Pattern.compile("[a-z0-9]+(?:-[a-z0-9]+)*");
    private static final int MAX_SLUG = 200;

    /** Reads a file's bytes again, failing if they no longer have the hash read before. */
    interface Bytes {
        byte[] of(SourceFiles.File file) throws IOException;
    }

    private final FrontMatterParser frontMatter = new FrontMatterParser();
    private final Bytes bytes;

    PostParser(Bytes bytes) {
        this.bytes = bytes;
    }

    /**
     * Parses and validates every file, using all CPUs.
     *
     * @throws ContentException listing every problem, unreadable files included
     */
    List<SourcePost> parse(SourceFiles sources) {
        return parse(sources, true);
    }

    /**
     * As {@link #parse(SourceFiles)}; without {@code bodies}, each post's body is left empty (its
     * front matter, slug and body line are all there), for {@link #withBody} to read when it is
     * rendered: an import of 10,000 posts would otherwise hold every body (70 MB) from validating
     * the first file to writing the last.
     */
    List<SourcePost> parse(SourceFiles sources, boolean bodies) {
        var errors = new ArrayList<ContentError>(sources.unreadable());
        var posts = new ArrayList<SourcePost>();
        var bySlug = new HashMap<String, Path>();
        var parsed = sources.files().parallelStream().map(f -> parseOne(f, bodies)).toList();
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

    private Parsed parseOne(SourceFiles.File source, boolean bodies) {
        try {
            return new Parsed.Post(readOne(source, bodies));
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

    /**
     * The post parsed again with its body, from a file that must still have the hash it was
     * validated with.
     *
     * @throws ContentException when it no longer has, or can no longer be read
     */
    SourcePost withBody(SourcePost post) {
        try {
            return readOne(
                    new SourceFiles.File(post.file(), post.contentHash(), post.attachments()),
                    true);
        } catch (FileProblem e) {
            throw new ContentException(List.of(e.error));
        }
    }

    private SourcePost readOne(SourceFiles.File source, boolean bodies) throws FileProblem {
        var file = source.path();
        byte[] content;
        try {
            content = bytes.of(source);
        } catch (ContentReader.Changed e) {
            throw new FileProblem(file, 0, e.getMessage());
        } catch (NoSuchFileException e) {
            throw new FileProblem(file, 0, "vanished while reading");
        } catch (IOException e) {
            throw new FileProblem(file, 0, "cannot be read: " + e.getMessage());
        }
        var text = decodeUtf8(file, content).replace("\r\n", "\n");
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
                bodies ? body : "",
                bodyLine,
                ContentReader.isBundle(file),
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

    private static final class FileProblem extends Exception {
        private static final long serialVersionUID = 1L;
        final transient ContentError error;

        FileProblem(Path file, int line, String message) {
            super(message, null, false, false);
            this.error = new ContentError(file, line, message);
        }
    }
}

package dev.homeweb.content;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * One Markdown file, read and validated but not yet rendered. {@code bodyLine} is the file's line
 * where the body starts; {@code bundle}: the file is a post folder's {@code index.md}, and {@code
 * attachments} are the folder's other files. The import validates posts with an empty {@code body}
 * and reads it again to render (ContentReader#parseHeaders, #withBody).
 */
public record SourcePost(
        Path file,
        String slug,
        String contentHash,
        FrontMatter frontMatter,
        String body,
        int bodyLine,
        boolean bundle,
        List<SiteFile> attachments) {
    public SourcePost {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(slug, "slug");
        Objects.requireNonNull(contentHash, "contentHash");
        Objects.requireNonNull(frontMatter, "frontMatter");
        Objects.requireNonNull(body, "body");
        attachments = List.copyOf(attachments);
        if (bodyLine < 1) {
            throw new IllegalArgumentException("body line " + bodyLine + " of " + file);
        }
    }
}

package dev.homeweb.content;

import java.nio.file.Path;
import java.util.Objects;

/** One Markdown file, read and validated but not yet rendered. */
public record SourcePost(
        Path file, String slug, String contentHash, FrontMatter frontMatter, String body) {
    public SourcePost {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(slug, "slug");
        Objects.requireNonNull(contentHash, "contentHash");
        Objects.requireNonNull(frontMatter, "frontMatter");
        Objects.requireNonNull(body, "body");
    }
}

package dev.homeweb.posts;

import java.util.Objects;

/**
 * A draft and its preview page's path, as {@code import} lists them for the writer to share.
 *
 * @param sourcePath the draft's file, as the content folder names it
 * @param path the preview page's path, {@code /preview/{token}}
 */
public record DraftPreview(String slug, String sourcePath, String path) {
    public DraftPreview {
        Objects.requireNonNull(slug, "slug");
        Objects.requireNonNull(sourcePath, "sourcePath");
        Objects.requireNonNull(path, "path");
    }
}

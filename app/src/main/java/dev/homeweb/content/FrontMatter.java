package dev.homeweb.content;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The validated header of a post, YAML or TOML. {@code tags} include the categories of Hugo, Jekyll
 * and Zola; {@code categories} are those alone, for Jekyll's permalinks. {@code ignoredKeys} are
 * the keys present that only another tool's theme uses (lowercase), reported by the import.
 */
public record FrontMatter(
        String title,
        Instant date,
        Optional<String> slug,
        List<String> tags,
        List<String> categories,
        Optional<String> summary,
        Optional<Instant> updated,
        boolean draft,
        List<String> aliases,
        Optional<String> address,
        boolean toc,
        Optional<ImageKey> image,
        Set<String> ignoredKeys) {

    /** The {@code image:} key as written (a file beside the post, or a URL) and its line. */
    public record ImageKey(String value, int line) {
        public ImageKey {
            Objects.requireNonNull(value, "value");
        }
    }

    /** Our own keys, in the order the docs list them; others are mapped in FrontMatterKeys. */
    public static final List<String> KEYS =
            List.of(
                    "title", "date", "slug", "tags", "summary", "updated", "draft", "aliases",
                    "toc", "image");

    public FrontMatter {
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(date, "date");
        Objects.requireNonNull(slug, "slug");
        tags = List.copyOf(tags);
        categories = List.copyOf(categories);
        Objects.requireNonNull(summary, "summary");
        Objects.requireNonNull(updated, "updated");
        aliases = List.copyOf(aliases);
        Objects.requireNonNull(address, "address");
        Objects.requireNonNull(image, "image");
        ignoredKeys = Set.copyOf(ignoredKeys);
    }

    /**
     * This header without one alias: a Hugo {@code url} or Jekyll {@code permalink} may be the
     * post's address here too, and as an alias it would answer that address with a redirect to
     * itself.
     */
    FrontMatter withoutAlias(String path) {
        if (!aliases.contains(path)) {
            return this;
        }
        return new FrontMatter(
                title,
                date,
                slug,
                tags,
                categories,
                summary,
                updated,
                draft,
                aliases.stream().filter(a -> !a.equals(path)).toList(),
                address,
                toc,
                image,
                ignoredKeys);
    }
}

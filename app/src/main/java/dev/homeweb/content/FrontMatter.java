package dev.homeweb.content;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** The validated YAML header of a post. */
public record FrontMatter(
        String title,
        Instant date,
        Optional<String> slug,
        List<String> tags,
        Optional<String> summary,
        Optional<Instant> updated,
        boolean draft,
        List<String> aliases,
        boolean toc) {

    /** The keys a post may use, in the order the docs list them. */
    public static final List<String> KEYS =
            List.of(
                    "title", "date", "slug", "tags", "summary", "updated", "draft", "aliases",
                    "toc");

    public FrontMatter {
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(date, "date");
        Objects.requireNonNull(slug, "slug");
        tags = List.copyOf(tags);
        Objects.requireNonNull(summary, "summary");
        Objects.requireNonNull(updated, "updated");
        aliases = List.copyOf(aliases);
    }
}

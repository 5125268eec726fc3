package dev.homeweb.content;

import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.regex.Pattern;

/** What a file's name gives: the default slug and, in Jekyll's _posts/, the date. */
record PostFileName(String slug, Optional<Instant> date) {
    private static final Pattern JEKYLL_NAME =
            Pattern.compile("(\\d{4}-\\d{2}-\\d{2})-(.+)\\.(?:md|markdown)");

    static PostFileName of(Path file) {
        var name = file.getFileName().toString();
        var jekyll = JEKYLL_NAME.matcher(name);
        if (jekyll.matches()
                && file.getParent().getFileName().toString().equals(ContentReader.JEKYLL_POSTS)) {
            try {
                var day = LocalDate.parse(jekyll.group(1));
                return new PostFileName(
                        jekyll.group(2), Optional.of(day.atStartOfDay(ZoneOffset.UTC).toInstant()));
            } catch (DateTimeException e) {
                // Not a real day (2024-13-01): the whole name is the slug, as elsewhere.
            }
        }
        if (ContentReader.isBundle(file)) {
            // posts/SLUG/index.md: the folder names the post, as in Hugo.
            return new PostFileName(file.getParent().getFileName().toString(), Optional.empty());
        }
        var markdown = ContentReader.MARKDOWN.matcher(name);
        return new PostFileName(markdown.matches() ? markdown.group(1) : name, Optional.empty());
    }
}

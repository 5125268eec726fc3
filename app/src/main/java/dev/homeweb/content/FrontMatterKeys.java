package dev.homeweb.content;

import dev.homeweb.internal.EditDistance;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Which front-matter keys are read, and what each becomes: ours, those Hugo, Jekyll and Zola posts
 * carry (so their posts import unchanged), and those that matter only to the other tool's theme,
 * accepted and ignored. Keys match without regard to case, as in Hugo.
 */
final class FrontMatterKeys {
    private FrontMatterKeys() {}

    /**
     * What a key gives, and the other tools' keys that give it. Where several keys give one value,
     * the first in {@link #READ} wins: ours, then the others in the order written here.
     */
    enum Target {
        TITLE,
        DATE("publishdate"),
        SLUG,
        TAGS("category"),
        /** Jekyll's {@code categories: a b} is a space-separated list; lists work as for tags. */
        CATEGORIES("categories"),
        SUMMARY("description", "excerpt"),
        UPDATED("lastmod", "last_modified_at"),
        DRAFT,
        /** Jekyll's {@code published: false}: a draft. */
        PUBLISHED("published"),
        ALIASES("redirect_from"),
        /** The post's address in the other tool ({@code url}, {@code permalink}): an alias. */
        ADDRESS("url", "permalink", "path"),
        TOC,
        /** The picture of social previews; a file beside the post, or an address. */
        IMAGE,
        /** Zola's {@code [taxonomies]} table: its {@code tags} and {@code categories}. */
        TAXONOMIES("taxonomies");

        private final List<String> theirs;

        Target(String... theirs) {
            this.theirs = List.of(theirs);
        }
    }

    /** Every key read, lowercase, in order of precedence. */
    static final Map<String, Target> READ = keys();

    /**
     * Keys that only the other tool's templates use (layout, ordering, menus, theme parameters):
     * accepted, and reported once per import as ignored.
     */
    static final Set<String> IGNORED =
            Set.of(
                    "layout",
                    "type",
                    "weight",
                    "linktitle",
                    "menu",
                    "menus",
                    "keywords",
                    "author",
                    "authors",
                    "images",
                    "series",
                    "cascade",
                    "outputs",
                    "markup",
                    "resources",
                    "headless",
                    "build",
                    "_build",
                    "params",
                    "extra",
                    "sitemap",
                    "translationkey",
                    "iscjklanguage",
                    "lang",
                    "comments",
                    "excerpt_separator",
                    "template",
                    "in_search_index",
                    "render");

    private static Map<String, Target> keys() {
        var keys = new LinkedHashMap<String, Target>();
        for (var key : FrontMatter.KEYS) {
            keys.put(key, Target.valueOf(key.toUpperCase(Locale.ROOT)));
        }
        for (var target : Target.values()) {
            for (var key : target.theirs) {
                keys.put(key, target);
            }
        }
        return Collections.unmodifiableMap(keys);
    }

    /** The known key closest to a mistyped one, when one is close enough to be meant. */
    static Optional<String> closest(String unknown) {
        return EditDistance.closest(unknown.toLowerCase(Locale.ROOT), allKnown());
    }

    private static List<String> allKnown() {
        var known = new ArrayList<>(READ.keySet());
        IGNORED.stream().sorted().forEach(known::add);
        return known;
    }
}

package dev.homeweb.content;

import static dev.homeweb.db.schema.Tables.POSTS;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;

/**
 * Makes the database hold exactly the posts in the content folder, all-or-nothing. Files whose hash
 * is unchanged are not rendered or written; a run that changes nothing writes nothing and, when
 * every file's hash is already stored, does not even parse the files.
 */
public final class ContentImporter {
    /** Channel a running server listens on to pick up a committed import. */
    public static final String CHANNEL = "home_web_content";

    // Serializes concurrent imports: the second waits, then sees the first one's result.
    private static final long IMPORT_LOCK = 0x686f6d65_77656201L;
    private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}]+(?:['’][\\p{L}]+)?");
    private static final Pattern CODE_FENCE = Pattern.compile("```[\\s\\S]*?```");

    private final DSLContext dsl;
    private final ContentReader reader;
    private final MarkdownRenderer renderer;

    public ContentImporter(DSLContext dsl, ContentReader reader, MarkdownRenderer renderer) {
        this.dsl = dsl;
        this.reader = reader;
        this.renderer = renderer;
    }

    /**
     * @throws ContentException when any file is invalid; the database is then untouched
     */
    public ImportReport importFrom(Path contentDir) {
        return importFiles(reader.readFiles(contentDir));
    }

    ImportReport importFiles(SourceFiles files) {
        return dsl.transactionResult(tx -> apply(tx.dsl(), files));
    }

    private ImportReport apply(DSLContext db, SourceFiles files) {
        db.select(DSL.field("pg_advisory_xact_lock({0})", Object.class, DSL.val(IMPORT_LOCK)))
                .fetch();
        Map<String, Long> ids = new HashMap<>();
        Map<String, String> hashes = new HashMap<>();
        for (var row : db.select(POSTS.ID, POSTS.SLUG, POSTS.CONTENT_HASH).from(POSTS).fetch()) {
            ids.put(row.value2(), row.value1());
            hashes.put(row.value2(), row.value3());
        }
        if (sameHashes(hashes.values(), files)) {
            return new ImportReport(0, 0, 0, hashes.size());
        }
        // Something changed: validate every file, as a new file may clash with an unchanged one.
        var sources = reader.parse(files);
        int added = 0;
        int updated = 0;
        var seen = new HashSet<String>();
        var changed = new ArrayList<SourcePost>();
        for (var source : sources) {
            seen.add(source.slug());
            var oldHash = hashes.get(source.slug());
            if (oldHash == null) {
                added++;
                changed.add(source);
            } else if (!oldHash.equals(source.contentHash())) {
                updated++;
                changed.add(source);
            }
        }
        var removedIds =
                ids.entrySet().stream()
                        .filter(e -> !seen.contains(e.getKey()))
                        .map(Map.Entry::getValue)
                        .toList();
        var report =
                new ImportReport(
                        added, updated, removedIds.size(), sources.size() - changed.size());
        if (report.changedAnything()) {
            var writer = new PostWriter(db);
            writer.delete(removedIds);
            var rows = render(changed);
            writer.write(rows, ids);
            if (report.updated() + report.removed() > 0) {
                writer.deleteUnusedTags();
            }
            // Delivered on commit only, so listeners never see a half-applied import.
            db.execute("notify " + CHANNEL);
        }
        return report;
    }

    /**
     * Whether the stored hashes are exactly those of the files. The hash covers the file name, so
     * equal sets mean every file is byte-identical to one imported (and validated) before.
     */
    static boolean sameHashes(Collection<String> storedHashes, SourceFiles files) {
        if (!files.unreadable().isEmpty() || storedHashes.size() != files.files().size()) {
            return false;
        }
        var stored = new HashSet<>(storedHashes);
        return files.files().stream().allMatch(f -> stored.contains(f.contentHash()));
    }

    /**
     * Renders on all CPUs: the parser and renderer are thread-safe, and each post is independent.
     */
    private List<PostWriter.Row> render(List<SourcePost> changed) {
        return changed.parallelStream()
                .map(
                        source -> {
                            // The table of contents, when asked for, is part of the stored body.
                            var rendered =
                                    renderer.render(source.body(), source.frontMatter().toc());
                            return new PostWriter.Row(
                                    source, rendered.html(), countWords(source.body()));
                        })
                .toList();
    }

    static int countWords(String markdown) {
        var matcher = WORD.matcher(CODE_FENCE.matcher(markdown).replaceAll(" "));
        int count = 0;
        while (matcher.find()) {
            count++;
        }
        return count;
    }
}

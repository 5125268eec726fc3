package dev.homeweb.content;

import static dev.homeweb.db.schema.Tables.POSTS;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Function;
import java.util.function.Supplier;
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
        var files = reader.readFiles(contentDir);
        return withPool(
                pool ->
                        dsl.transactionResult(
                                tx -> apply(tx.dsl(), files, () -> reader.parse(files), pool)));
    }

    /**
     * Imports files already read, for a caller that knows something changed: parsing then starts at
     * once, while jOOQ starts and the import lock is taken.
     */
    ImportReport importChanged(SourceFiles files) {
        return withPool(
                pool -> {
                    var parsing = CompletableFuture.supplyAsync(() -> reader.parse(files), pool);
                    return dsl.transactionResult(
                            tx -> apply(tx.dsl(), files, () -> await(parsing), pool));
                });
    }

    private static ImportReport withPool(Function<ExecutorService, ImportReport> work) {
        // One thread per CPU: parsing and rendering are CPU-bound, and the writer mostly waits.
        var pool =
                Executors.newFixedThreadPool(
                        Runtime.getRuntime().availableProcessors(),
                        r -> {
                            var thread = new Thread(r, "home-web-import");
                            thread.setDaemon(true);
                            return thread;
                        });
        try {
            return work.apply(pool);
        } finally {
            pool.shutdownNow();
        }
    }

    private ImportReport apply(
            DSLContext db,
            SourceFiles files,
            Supplier<List<SourcePost>> parsed,
            ExecutorService pool) {
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
        var sources = parsed.get();
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
            write(db, changed, ids, removedIds, pool);
            if (report.updated() + report.removed() > 0) {
                new PostWriter(db).deleteUnusedTags();
            }
            // Delivered on commit only, so listeners never see a half-applied import.
            db.execute("notify " + CHANNEL);
        }
        return report;
    }

    /**
     * Rendering runs ahead on the pool while this thread sends each finished chunk, so PostgreSQL
     * stores and indexes one chunk while the next is rendered.
     */
    private void write(
            DSLContext db,
            List<SourcePost> changed,
            Map<String, Long> ids,
            List<Long> removedIds,
            ExecutorService pool) {
        var chunks = new ArrayList<CompletableFuture<List<PostWriter.Row>>>();
        for (int from = 0; from < changed.size(); from += PostWriter.CHUNK) {
            var chunk = changed.subList(from, Math.min(changed.size(), from + PostWriter.CHUNK));
            chunks.add(CompletableFuture.supplyAsync(() -> render(chunk), pool));
        }
        var writer = new PostWriter(db);
        writer.delete(removedIds);
        writer.clearTagsAndAliases(
                changed.stream().map(c -> ids.get(c.slug())).filter(Objects::nonNull).toList());
        for (var chunk : chunks) {
            writer.write(await(chunk));
        }
    }

    /** The value of a finished task, with its own exception (a ContentException) rethrown. */
    private static <T> T await(CompletableFuture<T> task) {
        try {
            return task.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException cause) {
                throw cause;
            }
            throw e;
        }
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

    private List<PostWriter.Row> render(List<SourcePost> sources) {
        var rows = new ArrayList<PostWriter.Row>(sources.size());
        for (var source : sources) {
            // The table of contents, when asked for, is part of the stored body.
            var rendered = renderer.render(source.body(), source.frontMatter().toc());
            rows.add(new PostWriter.Row(source, rendered.html(), countWords(source.body())));
        }
        return rows;
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

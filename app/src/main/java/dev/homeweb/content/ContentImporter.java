package dev.homeweb.content;

import static dev.homeweb.db.schema.Tables.POSTS;

import dev.homeweb.db.Database;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Function;
import java.util.function.Supplier;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;

/**
 * Makes the database hold exactly the posts in the content folder, all-or-nothing. Files whose hash
 * is unchanged are not rendered or written; a run that changes nothing writes nothing and, when
 * every file's hash is already stored, does not even parse the files.
 */
public final class ContentImporter {
    // Serializes concurrent imports: the second waits, then sees the first one's result.
    private static final long IMPORT_LOCK = 0x686f6d65_77656201L;

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
                                tx -> {
                                    var catalog = catalog(tx.dsl(), files);
                                    return apply(
                                            tx.dsl(),
                                            files,
                                            catalog,
                                            () -> reader.parseHeaders(files),
                                            changed ->
                                                    Rendering.start(
                                                            changed,
                                                            chunk -> render(chunk, catalog),
                                                            pool));
                                }));
    }

    /** What the database knows of the files the posts may use, read before rendering starts. */
    private static FileCatalog catalog(DSLContext db, SourceFiles files) {
        var hashes = new HashSet<String>();
        files.files().forEach(f -> f.attachments().forEach(a -> hashes.add(a.sha256())));
        files.statics().forEach(s -> hashes.add(s.sha256()));
        return FileCatalog.load(db, hashes);
    }

    /**
     * Imports files already read, for a caller that knows something changed: parsing, then
     * rendering the files whose hashes were not stored, start at once, while jOOQ starts and the
     * import lock is taken. If the stored posts changed meanwhile, what is to render is worked out
     * again under the lock.
     *
     * @param storedHashes the content hashes stored when the caller looked, without the lock
     */
    ImportReport importChanged(SourceFiles files, Set<String> storedHashes) {
        var catalog = catalog(dsl, files);
        return withPool(
                pool -> {
                    var parsing =
                            CompletableFuture.supplyAsync(() -> reader.parseHeaders(files), pool);
                    var ahead =
                            parsing.thenApply(
                                    sources ->
                                            Rendering.start(
                                                    notIn(storedHashes, sources),
                                                    chunk -> render(chunk, catalog),
                                                    pool));
                    Function<List<SourcePost>, Rendering> rendering =
                            changed -> {
                                var early = await(ahead);
                                return early.posts().equals(changed)
                                        ? early
                                        : Rendering.start(
                                                changed, chunk -> render(chunk, catalog), pool);
                            };
                    return dsl.transactionResult(
                            tx -> apply(tx.dsl(), files, catalog, () -> await(parsing), rendering));
                });
    }

    private static List<SourcePost> notIn(Set<String> hashes, List<SourcePost> sources) {
        return sources.stream().filter(s -> !hashes.contains(s.contentHash())).toList();
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
            SourceFiles sourceFiles,
            FileCatalog catalog,
            Supplier<List<SourcePost>> parsed,
            Function<List<SourcePost>, Rendering> rendering) {
        db.select(DSL.field("pg_advisory_xact_lock({0})", Object.class, DSL.val(IMPORT_LOCK)))
                .fetch();
        Map<String, Long> ids = new HashMap<>();
        Map<String, String> hashes = new HashMap<>();
        for (var row : db.select(POSTS.ID, POSTS.SLUG, POSTS.CONTENT_HASH).from(POSTS).fetch()) {
            ids.put(row.value2(), row.value1());
            hashes.put(row.value2(), row.value3());
        }
        var storedKeys = db.fetch(SourceFiles.STORED_KEYS).getValues(0, String.class);
        if (sameHashes(storedKeys, sourceFiles)) {
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
                new ImportReport(added, updated, removedIds.size(), sources.size() - changed.size())
                        .withIgnoredKeysOf(sources);
        // Site-wide files alone may have changed: the keys differ, yet no post did.
        var files = new FileWriter(db, catalog);
        write(db, files, rendering.apply(changed), ids, removedIds);
        files.replaceStatics(sourceFiles.statics());
        files.deleteUnused();
        if (report.updated() + report.removed() > 0) {
            new PostWriter(db).deleteUnusedTags();
        }
        // Delivered on commit only, so listeners never see a half-applied import.
        db.execute("notify " + Database.CONTENT_CHANNEL);
        return report;
    }

    /**
     * Rendering runs ahead on the pool while this thread sends each finished chunk, so PostgreSQL
     * stores and indexes one chunk while the next is rendered. A chunk with problems (a missing
     * file, an image without alt text) stops the writing; the rest are still rendered, so the
     * writer sees every problem at once, and the transaction is then rolled back.
     */
    private static void write(
            DSLContext db,
            FileWriter files,
            Rendering rendering,
            Map<String, Long> ids,
            List<Long> removedIds) {
        var writer = new PostWriter(db);
        writer.delete(removedIds);
        writer.clearTagsAndAliases(
                rendering.posts().stream()
                        .map(c -> ids.get(c.slug()))
                        .filter(Objects::nonNull)
                        .toList());
        var problems = new ArrayList<ContentError>();
        while (rendering.hasNext()) {
            var rows = await(rendering.next());
            rows.forEach(r -> problems.addAll(r.problems()));
            if (problems.isEmpty()) {
                files.writePostFiles(rows, writer.write(rows));
            }
        }
        if (!problems.isEmpty()) {
            throw new ContentException(problems);
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
    static boolean sameHashes(Collection<String> storedKeys, SourceFiles files) {
        var keys = files.keys();
        if (!files.unreadable().isEmpty() || storedKeys.size() != keys.size()) {
            return false;
        }
        return new HashSet<>(storedKeys).containsAll(keys);
    }

    private List<PostWriter.Row> render(List<SourcePost> sources, FileCatalog catalog) {
        var rows = new ArrayList<PostWriter.Row>(sources.size());
        for (var header : sources) {
            // Parsed for validation without its body: read it now, while it is needed.
            var source = reader.withBody(header);
            var files = new PostFiles(source, catalog);
            // The table of contents, when asked for, is part of the stored body.
            var rendered =
                    renderer.render(
                            source.body(), source.frontMatter().toc(), source.bodyLine(), files);
            var image = files.image();
            rows.add(
                    new PostWriter.Row(
                            source,
                            rendered.html(),
                            rendered.text(),
                            WordCount.of(source.body()),
                            image,
                            files.originals(),
                            files.used(),
                            files.problems()));
        }
        return rows;
    }
}

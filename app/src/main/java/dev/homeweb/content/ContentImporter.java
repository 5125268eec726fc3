package dev.homeweb.content;

import static dev.homeweb.db.schema.Tables.POSTS;
import static dev.homeweb.db.schema.Tables.POST_ALIASES;
import static dev.homeweb.db.schema.Tables.POST_TAGS;
import static dev.homeweb.db.schema.Tables.TAGS;

import java.nio.file.Path;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;

/**
 * Makes the database hold exactly the posts in the content folder, all-or-nothing. Files whose hash
 * is unchanged are not rendered or written; a run that changes nothing writes nothing.
 */
public final class ContentImporter {
    /** Channel a running server listens on to pick up a committed import. */
    public static final String CHANNEL = "home_web_content";

    // Serializes concurrent imports: the second waits, then sees the first one's result.
    private static final long IMPORT_LOCK = 0x686f6d65_77656201L;
    private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}]+(?:['’][\\p{L}]+)?");

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
        var sources = reader.read(contentDir);
        return dsl.transactionResult(tx -> apply(tx.dsl(), sources));
    }

    private ImportReport apply(DSLContext db, List<SourcePost> sources) {
        db.select(DSL.field("pg_advisory_xact_lock({0})", Object.class, DSL.val(IMPORT_LOCK)))
                .fetch();
        Map<String, Long> ids = new LinkedHashMap<>();
        Map<String, String> hashes = new LinkedHashMap<>();
        for (var row : db.select(POSTS.ID, POSTS.SLUG, POSTS.CONTENT_HASH).from(POSTS).fetch()) {
            ids.put(row.value2(), row.value1());
            hashes.put(row.value2(), row.value3());
        }
        int added = 0;
        int updated = 0;
        int unchanged = 0;
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
            } else {
                unchanged++;
            }
        }
        var removedIds =
                ids.entrySet().stream()
                        .filter(e -> !seen.contains(e.getKey()))
                        .map(Map.Entry::getValue)
                        .toList();
        if (!removedIds.isEmpty()) {
            db.deleteFrom(POSTS).where(POSTS.ID.in(removedIds)).execute();
        }
        // An alias may move from one changed post to another: clear them all before re-adding.
        var changedIds =
                changed.stream()
                        .map(c -> ids.get(c.slug()))
                        .filter(java.util.Objects::nonNull)
                        .toList();
        if (!changedIds.isEmpty()) {
            db.deleteFrom(POST_ALIASES).where(POST_ALIASES.POST_ID.in(changedIds)).execute();
        }
        for (var source : changed) {
            long id = upsert(db, source, ids.get(source.slug()));
            replaceTags(db, id, source.frontMatter().tags());
            replaceAliases(db, id, source.frontMatter().aliases());
        }
        var report = new ImportReport(added, updated, removedIds.size(), unchanged);
        if (report.changedAnything()) {
            db.deleteFrom(TAGS)
                    .where(
                            DSL.notExists(
                                    DSL.selectOne()
                                            .from(POST_TAGS)
                                            .where(POST_TAGS.TAG_ID.eq(TAGS.ID))))
                    .execute();
            // Delivered on commit only, so listeners never see a half-applied import.
            db.execute("notify " + CHANNEL);
        }
        return report;
    }

    private long upsert(DSLContext db, SourcePost source, Long existingId) {
        var header = source.frontMatter();
        var record =
                existingId == null
                        ? db.newRecord(POSTS)
                        : db.fetchSingle(POSTS, POSTS.ID.eq(existingId));
        record.setSlug(source.slug());
        record.setSourcePath(source.file().getFileName().toString());
        record.setContentHash(source.contentHash());
        record.setTitle(header.title());
        record.setSummary(header.summary().orElse(null));
        record.setPublishedAt(header.date().atOffset(ZoneOffset.UTC));
        record.setUpdatedAt(header.updated().map(i -> i.atOffset(ZoneOffset.UTC)).orElse(null));
        record.setDraft(header.draft());
        record.setToc(header.toc());
        record.setBodyMarkdown(source.body());
        record.setBodyHtml(renderer.render(source.body()));
        record.setWordCount(countWords(source.body()));
        record.store();
        return record.getId();
    }

    private static void replaceTags(DSLContext db, long postId, List<String> tags) {
        db.deleteFrom(POST_TAGS).where(POST_TAGS.POST_ID.eq(postId)).execute();
        var seen = new HashSet<String>();
        for (var tag : tags) {
            var slug = Tags.slug(tag);
            if (!seen.add(slug)) {
                continue;
            }
            db.insertInto(TAGS, TAGS.SLUG, TAGS.NAME)
                    .values(slug, tag)
                    .onConflict(TAGS.SLUG)
                    .doNothing()
                    .execute();
            var tagId =
                    db.select(TAGS.ID).from(TAGS).where(TAGS.SLUG.eq(slug)).fetchSingle().value1();
            db.insertInto(POST_TAGS, POST_TAGS.POST_ID, POST_TAGS.TAG_ID)
                    .values(postId, tagId)
                    .execute();
        }
    }

    private static void replaceAliases(DSLContext db, long postId, List<String> aliases) {
        for (var alias : aliases) {
            db.insertInto(POST_ALIASES, POST_ALIASES.PATH, POST_ALIASES.POST_ID)
                    .values(alias, postId)
                    .onConflict(POST_ALIASES.PATH)
                    .doUpdate()
                    .set(POST_ALIASES.POST_ID, postId)
                    .execute();
        }
    }

    static int countWords(String markdown) {
        var matcher = WORD.matcher(markdown.replaceAll("```[\\s\\S]*?```", " "));
        int count = 0;
        while (matcher.find()) {
            count++;
        }
        return count;
    }
}

package dev.homeweb.content;

import static dev.homeweb.db.schema.Tables.FILES;
import static dev.homeweb.db.schema.Tables.FILE_CHUNKS;
import static dev.homeweb.db.schema.Tables.FILE_VARIANTS;
import static dev.homeweb.db.schema.Tables.POST_FILES;
import static dev.homeweb.db.schema.Tables.STATIC_FILES;

import dev.homeweb.internal.Sha256;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.security.DigestInputStream;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;

/**
 * Stores the files an import's posts use and the site-wide files, in the caller's transaction: each
 * file once per content hash, in chunks of {@link #CHUNK_BYTES}, read from disk one chunk at a
 * time; then the addresses that serve them. A file stored before is not sent again.
 */
final class FileWriter {
    /** Small enough that neither side ever holds a large file whole. */
    static final int CHUNK_BYTES = 512 * 1024;

    private final DSLContext db;
    private final FileCatalog catalog;
    private final Set<String> written = new HashSet<>();

    FileWriter(DSLContext db, FileCatalog catalog) {
        this.db = db;
        this.catalog = catalog;
    }

    /** Stores the files of freshly written posts and the addresses they are served at. */
    void writePostFiles(List<PostWriter.Row> rows, Map<String, Long> postIds) {
        var links = db.insertInto(POST_FILES, POST_FILES.POST_ID, POST_FILES.PATH, POST_FILES.HASH);
        boolean any = false;
        for (var row : rows) {
            row.files().forEach(this::store);
            var postId = postIds.get(row.source().slug());
            for (var address : row.addresses().entrySet()) {
                links = links.values(postId, address.getKey(), address.getValue());
                any = true;
            }
        }
        if (any) {
            links.execute();
        }
    }

    /** Makes {@code static_files} list exactly these files. */
    void replaceStatics(List<SiteFile> statics) {
        db.deleteFrom(STATIC_FILES).execute();
        if (statics.isEmpty()) {
            return;
        }
        var insert = db.insertInto(STATIC_FILES, STATIC_FILES.PATH, STATIC_FILES.HASH);
        for (var file : statics) {
            store(file);
            insert = insert.values(SourceFiles.staticPath(file), file.sha256());
        }
        insert.execute();
    }

    /** Deletes the files no address serves any more; their chunks and copies go with them. */
    void deleteUnused() {
        db.deleteFrom(FILES)
                .where(
                        DSL.notExists(
                                DSL.selectOne()
                                        .from(POST_FILES)
                                        .where(POST_FILES.HASH.eq(FILES.HASH))))
                .and(
                        DSL.notExists(
                                DSL.selectOne()
                                        .from(STATIC_FILES)
                                        .where(STATIC_FILES.HASH.eq(FILES.HASH))))
                .execute();
    }

    private void store(SiteFile file) {
        if (catalog.isStored(file.sha256()) || !written.add(file.sha256())) {
            return;
        }
        var fresh = catalog.fresh(file.sha256());
        var type = fresh.map(FileCatalog.Fresh::contentType).orElse(ContentTypes.of(file.name()));
        var size = fresh.flatMap(f -> f.facts().size());
        if (!insertFile(
                file.sha256(),
                type,
                file.size(),
                size.map(Images.Size::width).orElse(null),
                size.map(Images.Size::height).orElse(null))) {
            return;
        }
        try (var in = Files.newInputStream(file.path())) {
            var digest = Sha256.digest();
            writeChunks(file.sha256(), new DigestInputStream(in, digest));
            if (!HexFormat.of().formatHex(digest.digest()).equals(file.sha256())) {
                throw changed(file);
            }
        } catch (IOException e) {
            throw new ContentException(
                    List.of(new ContentError(file.path(), 0, "cannot be read: " + e.getMessage())));
        }
        for (var variant : fresh.map(f -> f.facts().variants()).orElse(List.of())) {
            if (written.add(variant.sha256())
                    && insertFile(
                            variant.sha256(),
                            type,
                            variant.bytes().length,
                            variant.width(),
                            variant.height())) {
                writeChunks(variant.sha256(), new ByteArrayInputStream(variant.bytes()));
            }
            db.insertInto(
                            FILE_VARIANTS,
                            FILE_VARIANTS.SOURCE_HASH,
                            FILE_VARIANTS.WIDTH,
                            FILE_VARIANTS.VARIANT_HASH)
                    .values(file.sha256(), variant.width(), variant.sha256())
                    .onConflictDoNothing()
                    .execute();
        }
    }

    /** Whether the row is new: bytes equal to another file's are stored once. */
    private boolean insertFile(String hash, String type, long size, Integer width, Integer height) {
        return db.insertInto(
                                FILES,
                                FILES.HASH,
                                FILES.CONTENT_TYPE,
                                FILES.SIZE,
                                FILES.WIDTH,
                                FILES.HEIGHT)
                        .values(hash, type, size, width, height)
                        .onConflictDoNothing()
                        .execute()
                > 0;
    }

    private void writeChunks(String hash, InputStream in) {
        try {
            int seq = 0;
            while (true) {
                var chunk = in.readNBytes(CHUNK_BYTES);
                if (chunk.length == 0 && seq > 0) {
                    return;
                }
                db.insertInto(FILE_CHUNKS, FILE_CHUNKS.HASH, FILE_CHUNKS.SEQ, FILE_CHUNKS.DATA)
                        .values(hash, seq++, chunk)
                        .execute();
                if (chunk.length < CHUNK_BYTES) {
                    return;
                }
            }
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static ContentException changed(SiteFile file) {
        return new ContentException(
                List.of(
                        new ContentError(
                                file.path(), 0, "changed while importing; run the import again")));
    }
}

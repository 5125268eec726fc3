package dev.homeweb.content;

import static dev.homeweb.db.schema.Tables.FILES;
import static dev.homeweb.db.schema.Tables.FILE_VARIANTS;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.jooq.DSLContext;

/**
 * What one import knows of the files its posts use, by content hash: read from the database for
 * files stored before (so an unchanged image is never decoded again), examined now for new ones.
 * Thread-safe: posts are rendered in parallel.
 */
final class FileCatalog {
    /** A file as a page shows it: its type, its size if an image, and its smaller copies. */
    record Described(String contentType, Optional<Images.Size> size, List<Copy> copies) {
        Described {
            copies = List.copyOf(copies);
        }
    }

    /** A smaller copy: its width in pixels and its content hash. */
    record Copy(int width, String hash) {}

    /** A file examined by this import, not yet stored. */
    record Fresh(SiteFile file, String contentType, Images.Facts facts) {}

    private final Map<String, Described> stored;
    private final Map<String, Fresh> fresh = new ConcurrentHashMap<>();

    private FileCatalog(Map<String, Described> stored) {
        this.stored = Map.copyOf(stored);
    }

    static FileCatalog empty() {
        return new FileCatalog(Map.of());
    }

    /** What the database holds of these files, in one query each for files and copies. */
    static FileCatalog load(DSLContext db, Collection<String> hashes) {
        if (hashes.isEmpty()) {
            return empty();
        }
        var copies = new HashMap<String, List<Copy>>();
        db.select(FILE_VARIANTS.SOURCE_HASH, FILE_VARIANTS.WIDTH, FILE_VARIANTS.VARIANT_HASH)
                .from(FILE_VARIANTS)
                .where(FILE_VARIANTS.SOURCE_HASH.in(hashes))
                .orderBy(FILE_VARIANTS.WIDTH)
                .forEach(
                        r ->
                                copies.computeIfAbsent(r.value1(), k -> new ArrayList<>())
                                        .add(new Copy(r.value2(), r.value3())));
        var stored = new HashMap<String, Described>();
        db.select(FILES.HASH, FILES.CONTENT_TYPE, FILES.WIDTH, FILES.HEIGHT)
                .from(FILES)
                .where(FILES.HASH.in(hashes))
                .forEach(
                        r -> {
                            Optional<Images.Size> size =
                                    r.value3() == null || r.value4() == null
                                            ? Optional.empty()
                                            : Optional.of(new Images.Size(r.value3(), r.value4()));
                            stored.put(
                                    r.value1(),
                                    new Described(
                                            r.value2(),
                                            size,
                                            copies.getOrDefault(r.value1(), List.of())));
                        });
        return new FileCatalog(stored);
    }

    boolean isStored(String hash) {
        return stored.containsKey(hash);
    }

    /** The file as stored, or examined now (once per hash, whichever post asks first). */
    Described describe(SiteFile file) {
        var known = stored.get(file.sha256());
        if (known != null) {
            return known;
        }
        var examined = fresh.computeIfAbsent(file.sha256(), h -> examine(file));
        var copies =
                examined.facts().variants().stream()
                        .map(v -> new Copy(v.width(), v.sha256()))
                        .toList();
        return new Described(examined.contentType(), examined.facts().size(), copies);
    }

    /** A file this import examined and must store, if it is one. */
    Optional<Fresh> fresh(String hash) {
        return Optional.ofNullable(fresh.get(hash));
    }

    private static Fresh examine(SiteFile file) {
        var type = ContentTypes.of(file.name());
        if (!type.startsWith("image/")) {
            return new Fresh(file, type, Images.Facts.NONE);
        }
        try {
            return new Fresh(file, type, Images.examine(Files.readAllBytes(file.path()), type));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file.path(), e);
        }
    }
}

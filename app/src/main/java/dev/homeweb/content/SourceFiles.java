package dev.homeweb.content;

import dev.homeweb.routes.Routes;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Every post file as read, not yet parsed, and the site-wide files of {@code content/static/}:
 * enough to tell, by hash alone, whether the database already holds exactly these files.
 */
record SourceFiles(List<File> files, List<SiteFile> statics, List<ContentError> unreadable) {
    /**
     * What the database answers for "which content is stored": every post's content hash, and a key
     * for each site-wide file; compared with {@link #keys()}.
     */
    static final String STORED_KEYS =
            """
            select content_hash from posts
            union all
            select 'static:' || path || ':' || hash from static_files
            """;

    SourceFiles {
        files = List.copyOf(files);
        statics = List.copyOf(statics);
        unreadable = List.copyOf(unreadable);
    }

    SourceFiles(List<File> files, List<ContentError> unreadable) {
        this(files, List.of(), unreadable);
    }

    /** The keys {@link #STORED_KEYS} gives for a database holding exactly these files. */
    List<String> keys() {
        var keys = new ArrayList<String>(files.size() + statics.size());
        files.forEach(f -> keys.add(f.contentHash()));
        statics.forEach(s -> keys.add("static:" + staticPath(s) + ":" + s.sha256()));
        return keys;
    }

    /** Where a site-wide file is served: {@code content/static/a/b.txt} at {@code /a/b.txt}. */
    static String staticPath(SiteFile file) {
        return Routes.encodePath("/" + file.name());
    }

    /**
     * One post file and its content hash, which covers the file name (the default slug), the
     * renderer version and the files beside it (a post folder's) as well as the bytes. The bytes
     * are not kept: parsing reads them again (see ContentReader#reread).
     */
    record File(Path path, String contentHash, List<SiteFile> attachments) {
        File {
            Objects.requireNonNull(path, "path");
            Objects.requireNonNull(contentHash, "contentHash");
            attachments = List.copyOf(attachments);
        }
    }
}

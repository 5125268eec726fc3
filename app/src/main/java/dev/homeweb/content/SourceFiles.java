package dev.homeweb.content;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * Every {@code posts/*.md} file as read, not yet parsed: enough to tell, by hash alone, whether the
 * database already holds exactly these files.
 */
record SourceFiles(List<File> files, List<ContentError> unreadable) {
    SourceFiles {
        files = List.copyOf(files);
        unreadable = List.copyOf(unreadable);
    }

    /**
     * One file's bytes and its content hash, which covers the file name (the default slug) and the
     * renderer version as well as the bytes.
     */
    record File(Path path, byte[] bytes, String contentHash) {
        File {
            Objects.requireNonNull(path, "path");
            Objects.requireNonNull(bytes, "bytes");
            Objects.requireNonNull(contentHash, "contentHash");
        }
    }
}

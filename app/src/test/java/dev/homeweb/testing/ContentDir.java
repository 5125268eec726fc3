package dev.homeweb.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** A content folder in a temporary directory, with helpers to write posts. */
public record ContentDir(Path root) {
    public ContentDir {
        try {
            Files.createDirectories(root.resolve("posts"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public Path post(String fileName, String text) {
        var file = root.resolve("posts").resolve(fileName);
        try {
            Files.writeString(file, text, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return file;
    }

    /** A valid post with the given title and date and a short body. */
    public Path post(String fileName, String title, String date, String extraFrontMatter) {
        return post(
                fileName,
                "---\ntitle: "
                        + title
                        + "\ndate: "
                        + date
                        + "\n"
                        + extraFrontMatter
                        + "---\nBody of *"
                        + title
                        + "*.\n");
    }

    public void delete(String fileName) {
        try {
            Files.delete(root.resolve("posts").resolve(fileName));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

package dev.homeweb.testing;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;

/** A post folder ({@code posts/SLUG/index.md} and its files), with images drawn by the test. */
public record PostFolder(Path dir) {
    public PostFolder {
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static PostFolder in(ContentDir content, String slug) {
        return new PostFolder(content.root().resolve("posts").resolve(slug));
    }

    /** Writes {@code index.md}: the front matter's title and date, then {@code body}. */
    public PostFolder text(String frontMatter, String body) {
        return file("index.md", "---\n" + frontMatter + "---\n" + body);
    }

    public PostFolder file(String name, String text) {
        return file(name, text.getBytes(StandardCharsets.UTF_8));
    }

    public PostFolder file(String name, byte[] bytes) {
        try {
            var path = dir.resolve(name);
            Files.createDirectories(path.getParent());
            Files.write(path, bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return this;
    }

    /** A PNG or JPEG of that size, in two colours so the copies are not all one pixel. */
    public PostFolder image(String name, String format, int width, int height) {
        var image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        var g = image.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, width, height);
        g.setColor(new Color(0x2a5db0));
        g.fillOval(width / 4, height / 4, width / 2, height / 2);
        g.dispose();
        try {
            var path = dir.resolve(name);
            Files.createDirectories(path.getParent());
            if (!ImageIO.write(image, format, path.toFile())) {
                throw new IllegalStateException("no ImageIO writer for " + format);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return this;
    }

    public Path path(String name) {
        return dir.resolve(name);
    }
}

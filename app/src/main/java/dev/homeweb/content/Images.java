package dev.homeweb.content;

import dev.homeweb.internal.Sha256;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.stream.MemoryCacheImageOutputStream;

/**
 * What the import learns from an image file: its size in pixels, so the page reserves its box
 * before it loads; and, for a PNG or JPEG wider than the text column, smaller copies for {@code
 * srcset}. Formats the JDK cannot read are served as they are, without a size.
 */
final class Images {
    /** The text column: site.css gives the body 42rem, 672 px at the default 16 px. */
    static final int COLUMN = 672;

    /** Copies made of a wider image: one column wide, and two for high-density screens. */
    static final List<Integer> WIDTHS = List.of(COLUMN, 2 * COLUMN);

    private static final float JPEG_QUALITY = 0.85f;
    private static final Pattern SVG_TAG = Pattern.compile("<svg\\b[^>]*>", Pattern.DOTALL);
    private static final Pattern NUMBER =
            Pattern.compile("\\s*([0-9]+(?:\\.[0-9]+)?)\\s*(?:px)?\\s*");

    private Images() {}

    /** A size in pixels. */
    record Size(int width, int height) {
        Size {
            if (width <= 0 || height <= 0) {
                throw new IllegalArgumentException("size " + width + "x" + height);
            }
        }
    }

    /** A smaller copy of an image, in the same format. */
    record Variant(int width, int height, byte[] bytes, String sha256) {}

    /** The size of the image and its smaller copies; empty when it is not an image read here. */
    record Facts(Optional<Size> size, List<Variant> variants) {
        static final Facts NONE = new Facts(Optional.empty(), List.of());

        Facts {
            variants = List.copyOf(variants);
        }
    }

    static Facts examine(byte[] bytes, String contentType) {
        try {
            return switch (contentType) {
                case "image/png" -> raster(bytes, "png");
                case "image/jpeg" -> raster(bytes, "jpeg");
                case "image/svg+xml" -> new Facts(svgSize(bytes), List.of());
                case "image/gif", "image/bmp" -> new Facts(headerSize(bytes), List.of());
                default -> Facts.NONE;
            };
        } catch (IOException | RuntimeException e) {
            // A file ImageIO cannot read (a CMYK JPEG, say) is still a file: served as it is.
            return Facts.NONE;
        }
    }

    private static Facts raster(byte[] bytes, String format) throws IOException {
        var image = ImageIO.read(new ByteArrayInputStream(bytes));
        if (image == null) {
            return Facts.NONE;
        }
        var size = new Size(image.getWidth(), image.getHeight());
        var variants = new ArrayList<Variant>();
        for (int width : WIDTHS) {
            if (width < size.width()) {
                int height = Math.max(1, Math.round((float) size.height() * width / size.width()));
                var encoded = encode(scale(image, width, height, format), format);
                variants.add(new Variant(width, height, encoded, Sha256.hex(encoded)));
            }
        }
        return new Facts(Optional.of(size), variants);
    }

    /** Halving steps, then one bicubic step: smooth without the blur of one large step. */
    private static BufferedImage scale(BufferedImage source, int width, int height, String format) {
        var current = source;
        int type = format.equals("png") ? BufferedImage.TYPE_INT_ARGB : BufferedImage.TYPE_INT_RGB;
        while (current.getWidth() / 2 >= width) {
            current = draw(current, current.getWidth() / 2, current.getHeight() / 2, type);
        }
        return draw(current, width, height, type);
    }

    private static BufferedImage draw(BufferedImage source, int width, int height, int type) {
        var target = new BufferedImage(width, Math.max(1, height), type);
        var g = target.createGraphics();
        try {
            g.setRenderingHint(
                    RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BICUBIC);
            g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
            g.drawImage(source, 0, 0, width, Math.max(1, height), null);
        } finally {
            g.dispose();
        }
        return target;
    }

    private static byte[] encode(BufferedImage image, String format) throws IOException {
        var out = new ByteArrayOutputStream();
        var writer = ImageIO.getImageWritersByFormatName(format).next();
        try (var stream = new MemoryCacheImageOutputStream(out)) {
            writer.setOutput(stream);
            var param = writer.getDefaultWriteParam();
            if (format.equals("jpeg")) {
                param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
                param.setCompressionQuality(JPEG_QUALITY);
            }
            writer.write(null, new IIOImage(image, null, null), param);
        } finally {
            writer.dispose();
        }
        return out.toByteArray();
    }

    /** The size from the header alone, without decoding the pixels. */
    private static Optional<Size> headerSize(byte[] bytes) throws IOException {
        try (var in = ImageIO.createImageInputStream(new ByteArrayInputStream(bytes))) {
            var readers = ImageIO.getImageReaders(in);
            if (!readers.hasNext()) {
                return Optional.empty();
            }
            var reader = readers.next();
            try {
                reader.setInput(in);
                return Optional.of(new Size(reader.getWidth(0), reader.getHeight(0)));
            } finally {
                reader.dispose();
            }
        }
    }

    /**
     * An SVG's size from its {@code width} and {@code height} in pixels, else from its {@code
     * viewBox}; none when it gives neither (or only in other units).
     */
    static Optional<Size> svgSize(byte[] bytes) {
        var text = new String(bytes, 0, Math.min(bytes.length, 8192), StandardCharsets.UTF_8);
        var tag = SVG_TAG.matcher(text);
        if (!tag.find()) {
            return Optional.empty();
        }
        var width = attribute(tag.group(), "width").flatMap(Images::pixels);
        var height = attribute(tag.group(), "height").flatMap(Images::pixels);
        if (width.isPresent() && height.isPresent()) {
            return size(width.get(), height.get());
        }
        var box = attribute(tag.group(), "viewBox").map(v -> v.trim().split("[\\s,]+"));
        if (box.isPresent() && box.get().length == 4) {
            try {
                return size(Double.parseDouble(box.get()[2]), Double.parseDouble(box.get()[3]));
            } catch (NumberFormatException e) {
                return Optional.empty();
            }
        }
        return Optional.empty();
    }

    private static Optional<Size> size(double width, double height) {
        long w = Math.round(width);
        long h = Math.round(height);
        return w > 0 && h > 0 && w < 100_000 && h < 100_000
                ? Optional.of(new Size((int) w, (int) h))
                : Optional.empty();
    }

    private static Optional<String> attribute(String tag, String name) {
        var matcher = Pattern.compile("\\s" + name + "\\s*=\\s*([\"'])(.*?)\\1").matcher(tag);
        return matcher.find() ? Optional.of(matcher.group(2)) : Optional.empty();
    }

    private static Optional<Double> pixels(String value) {
        var matcher = NUMBER.matcher(value);
        return matcher.matches()
                ? Optional.of(Double.parseDouble(matcher.group(1)))
                : Optional.empty();
    }
}

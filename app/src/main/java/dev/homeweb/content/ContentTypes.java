package dev.homeweb.content;

import java.util.Locale;
import java.util.Map;

/** The Content-Type a file is served with, by its extension; stored with the file at import. */
final class ContentTypes {
    private static final Map<String, String> BY_EXTENSION =
            Map.ofEntries(
                    Map.entry("png", "image/png"),
                    Map.entry("jpg", "image/jpeg"),
                    Map.entry("jpeg", "image/jpeg"),
                    Map.entry("gif", "image/gif"),
                    Map.entry("webp", "image/webp"),
                    Map.entry("avif", "image/avif"),
                    Map.entry("svg", "image/svg+xml"),
                    Map.entry("ico", "image/x-icon"),
                    Map.entry("bmp", "image/bmp"),
                    Map.entry("pdf", "application/pdf"),
                    Map.entry("txt", "text/plain; charset=utf-8"),
                    Map.entry("md", "text/plain; charset=utf-8"),
                    Map.entry("csv", "text/csv; charset=utf-8"),
                    Map.entry("html", "text/html; charset=utf-8"),
                    Map.entry("css", "text/css; charset=utf-8"),
                    Map.entry("js", "text/javascript; charset=utf-8"),
                    Map.entry("json", "application/json"),
                    Map.entry("xml", "application/xml"),
                    Map.entry("woff2", "font/woff2"),
                    Map.entry("woff", "font/woff"),
                    Map.entry("ttf", "font/ttf"),
                    Map.entry("otf", "font/otf"),
                    Map.entry("mp4", "video/mp4"),
                    Map.entry("webm", "video/webm"),
                    Map.entry("mp3", "audio/mpeg"),
                    Map.entry("ogg", "audio/ogg"),
                    Map.entry("zip", "application/zip"),
                    Map.entry("gz", "application/gzip"),
                    Map.entry("tar", "application/x-tar"));

    /** What browsers take as "just bytes": a download, never rendered or sniffed. */
    static final String UNKNOWN = "application/octet-stream";

    private ContentTypes() {}

    static String of(String name) {
        var base = name.substring(name.lastIndexOf('/') + 1);
        int dot = base.lastIndexOf('.');
        if (dot < 0) {
            // security.txt's siblings in .well-known and the like have no extension but are text.
            return name.startsWith(".well-known/") ? "text/plain; charset=utf-8" : UNKNOWN;
        }
        return BY_EXTENSION.getOrDefault(base.substring(dot + 1).toLowerCase(Locale.ROOT), UNKNOWN);
    }
}

package dev.homeweb.routes;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Objects;

/**
 * The site's address space, declared once: the pages, the feeds beside them, and the links between
 * them are all derived from these paths, so moving a route is a change here and nowhere else.
 */
public final class Routes {
    /** The home page: the newest posts. */
    public static final String HOME = "/";

    /** Full-text search, rendered per request. */
    public static final String SEARCH = "/search";

    /** The health check a deployer and a container runtime ask. */
    public static final String HEALTH = "/healthz";

    public static final String SITEMAP = "/sitemap.xml";
    public static final String ROBOTS = "/robots.txt";

    /** Where every tag page starts; also names the site's tags as a feed category scheme. */
    public static final String TAGS = "/tags/";

    private static final String POSTS = "/blog/";

    /** Where the files beside posts are served: under their content hash, so forever cacheable. */
    public static final String FILES = "/files/";

    /**
     * Prefixes and paths a site-wide file ({@code content/static/...}) may not take: the site's own
     * pages, feeds and assets live there.
     */
    public static final List<String> RESERVED =
            List.of(
                    POSTS,
                    TAGS,
                    FILES,
                    "/static/",
                    "/page/",
                    SEARCH,
                    HEALTH,
                    SITEMAP,
                    ROBOTS,
                    "/feed",
                    "/index.xml",
                    "/atom.xml",
                    "/rss.xml",
                    "/feed.json");

    /** Hex digits of the content hash in a file's address: 64 bits, enough to never collide. */
    private static final int FILE_HASH_DIGITS = 16;

    private Routes() {}

    /** A post's page: {@code /blog/{slug}}. */
    public static String post(String slug) {
        return POSTS + Objects.requireNonNull(slug, "slug");
    }

    /**
     * A post's file: {@code /files/{hash}/{name}}, the name (which may hold {@code /}) kept for
     * downloads and percent-encoded byte by byte, so the address is the same however it is sent.
     */
    public static String file(String sha256, String name) {
        if (sha256.length() < FILE_HASH_DIGITS) {
            throw new IllegalArgumentException("not a SHA-256 hex digest: " + sha256);
        }
        return FILES + sha256.substring(0, FILE_HASH_DIGITS) + "/" + encodePath(name);
    }

    /** A path with every byte but unreserved characters and {@code /} percent-encoded. */
    public static String encodePath(String path) {
        var out = new StringBuilder(path.length() + 16);
        for (byte b : path.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xff;
            if ((c >= 'a' && c <= 'z')
                    || (c >= 'A' && c <= 'Z')
                    || (c >= '0' && c <= '9')
                    || c == '-'
                    || c == '.'
                    || c == '_'
                    || c == '~'
                    || c == '/') {
                out.append((char) c);
            } else {
                out.append('%').append(Character.toUpperCase(Character.forDigit(c >> 4, 16)));
                out.append(Character.toUpperCase(Character.forDigit(c & 0xf, 16)));
            }
        }
        return out.toString();
    }

    /** A tag's list of posts: {@code /tags/{slug}}. */
    public static String tag(String slug) {
        return TAGS + Objects.requireNonNull(slug, "slug");
    }

    /**
     * Page {@code page} of a list of posts: the list itself first, then {@code /page/2} below it.
     *
     * @param listPath {@code ""} for the home page's list, else a path such as {@code /tags/java}
     */
    public static String listPage(String listPath, int page) {
        if (page < 1) {
            throw new IllegalArgumentException("page " + page + " of " + listPath + " is below 1");
        }
        if (page == 1) {
            return listPath.isEmpty() ? HOME : listPath;
        }
        return listPath + "/page/" + page;
    }

    /**
     * A feed's path: {@code fileName} beside the list it mirrors ({@code ""} for the home page).
     */
    public static String feed(String listPath, String fileName) {
        return listPath + "/" + fileName;
    }
}

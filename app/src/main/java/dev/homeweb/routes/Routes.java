package dev.homeweb.routes;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

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

    private static final String PAGED = "/page/";

    /** Where each draft's unguessable preview address lives (see {@code PreviewKey}). */
    public static final String PREVIEWS = "/preview/";

    /** The local preview's reload script and its event stream; a deployed server has neither. */
    public static final String LIVE_RELOAD_SCRIPT = "/_live/reload.js";

    public static final String LIVE_RELOAD_EVENTS = "/_live/events";

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
                    PREVIEWS,
                    "/_live/",
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

    /** The slug of the post whose page is at {@code path}, if {@code path} is a post's page. */
    public static Optional<String> postSlug(String path) {
        return path.startsWith(POSTS) && path.length() > POSTS.length()
                ? Optional.of(path.substring(POSTS.length()))
                : Optional.empty();
    }

    /** A draft's preview page: {@code /preview/{token}}. */
    public static String preview(String token) {
        return PREVIEWS + Objects.requireNonNull(token, "token");
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
        return listPath + PAGED + page;
    }

    /** Page {@code page} of the list at {@code listPath}, as {@link #listPage} addresses it. */
    public record ListPage(String listPath, int page) {}

    /**
     * Which page of which list {@code path} addresses, if it is written as {@link #listPage} writes
     * one ({@code /page/1} and {@code /page/02} are not); whether that list exists is the caller's
     * to say.
     */
    public static Optional<ListPage> listPageAt(String path) {
        int at = path.lastIndexOf(PAGED);
        if (at < 0) {
            return Optional.of(new ListPage(path.equals(HOME) ? "" : path, 1));
        }
        var number = path.substring(at + PAGED.length());
        if (number.isEmpty()
                || number.length() > 9
                || number.charAt(0) == '0'
                || !number.chars().allMatch(c -> c >= '0' && c <= '9')) {
            return Optional.empty();
        }
        int page = Integer.parseInt(number);
        return page < 2 ? Optional.empty() : Optional.of(new ListPage(path.substring(0, at), page));
    }

    /**
     * A feed's path: {@code fileName} beside the list it mirrors ({@code ""} for the home page).
     */
    public static String feed(String listPath, String fileName) {
        return listPath + "/" + fileName;
    }
}

package dev.homeweb.routes;

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

    /** Where each draft's unguessable preview address lives (see {@code PreviewKey}). */
    public static final String PREVIEWS = "/preview/";

    /** The local preview's reload script and its event stream; a deployed server has neither. */
    public static final String LIVE_RELOAD_SCRIPT = "/_live/reload.js";

    public static final String LIVE_RELOAD_EVENTS = "/_live/events";

    private Routes() {}

    /** A post's page: {@code /blog/{slug}}. */
    public static String post(String slug) {
        return POSTS + Objects.requireNonNull(slug, "slug");
    }

    /** A draft's preview page: {@code /preview/{token}}. */
    public static String preview(String token) {
        return PREVIEWS + Objects.requireNonNull(token, "token");
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

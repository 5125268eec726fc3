package dev.homeweb.site;

import dev.homeweb.config.SiteSettings;
import dev.homeweb.feeds.FeedWriter;
import dev.homeweb.feeds.SitemapWriter;
import java.util.Objects;

/** Everything that turns posts into documents: pages, feeds, sitemap. */
public record Renderers(
        PageRenderer pages, FeedWriter feeds, SitemapWriter sitemaps, SiteSettings site) {
    public Renderers {
        Objects.requireNonNull(pages, "pages");
        Objects.requireNonNull(feeds, "feeds");
        Objects.requireNonNull(sitemaps, "sitemaps");
        Objects.requireNonNull(site, "site");
    }

    /** With the shipped theme. */
    public static Renderers of(SiteSettings site) {
        return of(site, Theme.shipped());
    }

    public static Renderers of(SiteSettings site, Theme theme) {
        return of(site, theme, false);
    }

    /**
     * @param liveReload whether pages load the local preview's reload script
     */
    public static Renderers of(SiteSettings site, Theme theme, boolean liveReload) {
        return new Renderers(
                new PageRenderer(site, theme, liveReload),
                new FeedWriter(site),
                new SitemapWriter(site),
                site);
    }
}

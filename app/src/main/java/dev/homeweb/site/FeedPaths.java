package dev.homeweb.site;

import dev.homeweb.feeds.FeedFormat;
import dev.homeweb.posts.Tag;
import dev.homeweb.routes.Routes;
import java.util.Arrays;
import java.util.List;

/** The autodiscovery links of a page: a feed in every format beside the list it mirrors. */
final class FeedPaths {
    private FeedPaths() {}

    /** One list for every page that links the site's feeds (a site of 10,000 posts has as many). */
    private static final List<Head.FeedLink> SITE = links("", "");

    static List<Head.FeedLink> site() {
        return SITE;
    }

    static List<Head.FeedLink> tag(Tag tag) {
        return links(Routes.tag(tag.slug()), " for “" + tag.name() + "”");
    }

    private static List<Head.FeedLink> links(String listPath, String titleSuffix) {
        return Arrays.stream(FeedFormat.values())
                .map(
                        format ->
                                new Head.FeedLink(
                                        title(format) + titleSuffix,
                                        Routes.feed(listPath, format.fileName()),
                                        format.mediaType()))
                .toList();
    }

    /** "Atom feed", "RSS feed", but "JSON Feed": the format's own name already says it. */
    private static String title(FeedFormat format) {
        return format == FeedFormat.JSON_FEED ? format.label() : format.label() + " feed";
    }
}

package dev.homeweb.site;

import dev.homeweb.config.SiteSettings;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * What a page's {@code <head>} tells crawlers, social previews and feed readers, as values for the
 * head template: description, canonical link or noindex, Open Graph and Twitter cards, pagination
 * and feed autodiscovery.
 */
final class HeadRenderer {
    private final SiteSettings site;

    HeadRenderer(SiteSettings site) {
        this.site = site;
    }

    /** The values the {@code head} template reads as {@code head.*}. */
    Map<String, Object> values(Head head) {
        var url = site.baseUrl() + head.path();
        var description = head.description().or(site::description).orElse(site.title());
        var meta = new ArrayList<Map<String, Object>>();
        property(meta, "og:site_name", site.title());
        property(meta, "og:title", head.title());
        property(meta, "og:type", head.article().isPresent() ? "article" : "website");
        property(meta, "og:url", url);
        property(meta, "og:description", description);
        head.article()
                .ifPresent(
                        post -> {
                            property(meta, "article:published_time", post.publishedAt().toString());
                            property(meta, "article:modified_time", post.lastModified().toString());
                            post.tags().forEach(t -> property(meta, "article:tag", t.name()));
                        });
        var card = SocialCard.of(head, site.baseUrl());
        card.imageUrl().ifPresent(image -> property(meta, "og:image", image));
        name(meta, "twitter:card", card.twitterCard());
        name(meta, "twitter:title", head.title());
        name(meta, "twitter:description", description);
        var feeds =
                head.feeds().stream()
                        .map(
                                f ->
                                        Scope.of(
                                                "title", f.title(),
                                                "url", site.baseUrl() + f.path(),
                                                "contentType", f.contentType()))
                        .toList();
        return new Scope()
                .put("fullTitle", fullTitle(head))
                .put("description", description)
                .put("canonical", head.indexable() ? url : null)
                .put("meta", meta)
                .put("prev", head.prev().map(p -> site.baseUrl() + p).orElse(null))
                .put("next", head.next().map(n -> site.baseUrl() + n).orElse(null))
                .put("feeds", feeds)
                .map();
    }

    private String fullTitle(Head head) {
        return head.title().equals(site.title())
                ? head.title()
                : head.title() + " · " + site.title();
    }

    /** Open Graph names its keys with {@code property}, Twitter cards with {@code name}. */
    private static void property(List<Map<String, Object>> meta, String key, String content) {
        meta.add(Scope.of("attribute", "property", "key", key, "content", content));
    }

    private static void name(List<Map<String, Object>> meta, String key, String content) {
        meta.add(Scope.of("attribute", "name", "key", key, "content", content));
    }
}

package dev.homeweb.site;

import dev.homeweb.posts.Post;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What a page tells crawlers and feed readers in its {@code <head>}: canonical path, description,
 * the post it shows (for Open Graph article tags), pagination and feed links.
 */
record Head(
        String title,
        String path,
        Optional<String> description,
        Optional<Post> article,
        Optional<String> prev,
        Optional<String> next,
        List<FeedLink> feeds,
        boolean indexable) {

    Head {
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(article, "article");
        Objects.requireNonNull(prev, "prev");
        Objects.requireNonNull(next, "next");
        feeds = List.copyOf(feeds);
    }

    static Head of(String title, String path) {
        return new Head(
                title,
                path,
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                List.of(),
                true);
    }

    Head withDescription(Optional<String> text) {
        return new Head(title, path, text, article, prev, next, feeds, indexable);
    }

    Head withArticle(Post post) {
        return new Head(title, path, description, Optional.of(post), prev, next, feeds, indexable);
    }

    Head withPagination(Optional<String> prevPath, Optional<String> nextPath) {
        return new Head(title, path, description, article, prevPath, nextPath, feeds, indexable);
    }

    Head withFeeds(List<FeedLink> links) {
        return new Head(title, path, description, article, prev, next, links, indexable);
    }

    Head notIndexable() {
        return new Head(title, path, description, article, prev, next, feeds, false);
    }

    /** A feed a page links to with {@code rel="alternate"}. */
    record FeedLink(String title, String path, String contentType) {}
}

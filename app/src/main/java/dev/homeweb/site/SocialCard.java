package dev.homeweb.site;

import dev.homeweb.posts.Post;
import java.util.Objects;
import java.util.Optional;

/**
 * How a page shows when shared: a post with a picture gets the large card with that picture
 * (absolute, as Open Graph requires), any other page the small one.
 */
record SocialCard(String twitterCard, Optional<String> imageUrl) {
    SocialCard {
        Objects.requireNonNull(twitterCard, "twitterCard");
        Objects.requireNonNull(imageUrl, "imageUrl");
    }

    static SocialCard of(Head head, String baseUrl) {
        var image =
                head.article()
                        .flatMap(Post::image)
                        .map(path -> path.startsWith("/") ? baseUrl + path : path);
        return new SocialCard(image.isPresent() ? "summary_large_image" : "summary", image);
    }
}

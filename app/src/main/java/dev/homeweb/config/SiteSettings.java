package dev.homeweb.config;

import java.util.Objects;
import java.util.Optional;

/**
 * What the pages and feeds need to know about the site. A value of its own below both, so neither
 * the templates nor the feeds import the other to learn the title.
 */
public record SiteSettings(
        String title,
        String baseUrl,
        Optional<String> discussEmail,
        String stylesheetPath,
        String faviconPath) {
    public SiteSettings {
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(baseUrl, "baseUrl");
        Objects.requireNonNull(discussEmail, "discussEmail");
        Objects.requireNonNull(stylesheetPath, "stylesheetPath");
        Objects.requireNonNull(faviconPath, "faviconPath");
    }

    /**
     * @param stylesheetPath the stylesheet's hashed path, from the static assets
     * @param faviconPath the icon's hashed path, likewise
     */
    public static SiteSettings from(AppConfig config, String stylesheetPath, String faviconPath) {
        return new SiteSettings(
                config.siteTitle(),
                config.baseUrl(),
                config.discussEmail(),
                stylesheetPath,
                faviconPath);
    }
}

package dev.homeweb.site;

import dev.homeweb.config.AppConfig;
import java.util.Objects;
import java.util.Optional;

/** What the templates need to know about the site. */
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

    public static SiteSettings from(AppConfig config, StaticAssets assets) {
        return new SiteSettings(
                config.siteTitle(),
                config.baseUrl(),
                config.discussEmail(),
                assets.stylesheetPath(),
                assets.faviconPath());
    }
}

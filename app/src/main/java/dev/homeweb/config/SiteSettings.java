package dev.homeweb.config;

import java.util.List;
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
        String faviconPath,
        Optional<String> description,
        String author,
        String language,
        List<SiteYaml.NavLink> navigation,
        String footer) {
    static final String DEFAULT_TITLE = "home-web";
    static final String DEFAULT_LANGUAGE = "en";
    static final String DEFAULT_FOOTER = "Served by home-web.";

    public SiteSettings {
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(baseUrl, "baseUrl");
        Objects.requireNonNull(discussEmail, "discussEmail");
        Objects.requireNonNull(stylesheetPath, "stylesheetPath");
        Objects.requireNonNull(faviconPath, "faviconPath");
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(author, "author");
        Objects.requireNonNull(language, "language");
        navigation = List.copyOf(navigation);
        Objects.requireNonNull(footer, "footer");
    }

    /** The settings the command line alone gives: the site's title is its author too. */
    public SiteSettings(
            String title,
            String baseUrl,
            Optional<String> discussEmail,
            String stylesheetPath,
            String faviconPath) {
        this(
                title,
                baseUrl,
                discussEmail,
                stylesheetPath,
                faviconPath,
                Optional.empty(),
                title,
                DEFAULT_LANGUAGE,
                List.of(),
                DEFAULT_FOOTER);
    }

    /**
     * The command line's options and environment variables over {@code file}'s values, over the
     * defaults.
     *
     * @param stylesheetPath the stylesheet's hashed path, from the static assets
     * @param faviconPath the icon's hashed path, likewise
     */
    public static SiteSettings from(
            AppConfig config, SiteYaml file, String stylesheetPath, String faviconPath) {
        var title = config.siteTitle().or(file::title).orElse(DEFAULT_TITLE);
        return new SiteSettings(
                title,
                config.baseUrl(),
                config.discussEmail().or(file::discussEmail),
                stylesheetPath,
                faviconPath,
                file.description(),
                file.author().orElse(title),
                file.language().orElse(DEFAULT_LANGUAGE),
                file.navigation(),
                file.footer().orElse(DEFAULT_FOOTER));
    }
}

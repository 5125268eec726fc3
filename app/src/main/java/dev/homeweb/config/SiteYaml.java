package dev.homeweb.config;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The site settings that travel with the content ({@code content/site.yaml}), each empty when the
 * file does not give it. Command-line options and environment variables win over these.
 */
public record SiteYaml(
        Optional<String> title,
        Optional<String> description,
        Optional<String> author,
        Optional<String> language,
        List<NavLink> navigation,
        Optional<String> footer,
        Optional<String> discussEmail) {
    public static final SiteYaml NONE =
            new SiteYaml(
                    Optional.empty(),
                    Optional.empty(),
                    Optional.empty(),
                    Optional.empty(),
                    List.of(),
                    Optional.empty(),
                    Optional.empty());

    public SiteYaml {
        // Every value is optional; none is null.
        for (var value : List.of(title, description, author, language, footer, discussEmail)) {
            Objects.requireNonNull(value, "a site.yaml value");
        }
        navigation = List.copyOf(navigation);
    }

    /** A link of the site's navigation: its text and where it goes (a path or a full URL). */
    public record NavLink(String title, String url) {
        public NavLink {
            Objects.requireNonNull(title, "title");
            Objects.requireNonNull(url, "url");
        }
    }
}

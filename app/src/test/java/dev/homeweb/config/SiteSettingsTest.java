package dev.homeweb.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SiteSettingsTest {
    static final SiteYaml FILE =
            new SiteYaml(
                    Optional.of("From the file"),
                    Optional.of("A blog"),
                    Optional.empty(),
                    Optional.of("de"),
                    List.of(new SiteYaml.NavLink("About", "/about")),
                    Optional.of("Bye."),
                    Optional.of("file@example.org"));

    static SiteSettings settings(Map<String, String> options, Map<String, String> env) {
        return SiteSettings.from(AppConfig.from(options, env), FILE, "/s.css", "/f.svg");
    }

    @Test
    void siteFileGivesWhatTheCommandLineDoesNot() {
        var site = settings(Map.of(), Map.of());

        assertThat(site.title()).isEqualTo("From the file");
        assertThat(site.author()).isEqualTo("From the file");
        assertThat(site.discussEmail()).contains("file@example.org");
        assertThat(site.description()).contains("A blog");
        assertThat(site.language()).isEqualTo("de");
        assertThat(site.navigation()).extracting(SiteYaml.NavLink::url).containsExactly("/about");
        assertThat(site.footer()).isEqualTo("Bye.");
    }

    @Test
    void commandLineOptionsWinOverTheSiteFile() {
        var site =
                settings(
                        Map.of("site-title", "From the option", "discuss-email", "cli@example.org"),
                        Map.of());

        assertThat(site.title()).isEqualTo("From the option");
        assertThat(site.discussEmail()).contains("cli@example.org");
    }

    @Test
    void environmentVariablesWinOverTheSiteFileToo() {
        var site = settings(Map.of(), Map.of("HOME_WEB_SITE_TITLE", "From the unit"));

        assertThat(site.title()).isEqualTo("From the unit");
    }

    @Test
    void withoutEitherTheDefaultsApply() {
        var site =
                SiteSettings.from(
                        AppConfig.from(Map.of(), Map.of()), SiteYaml.NONE, "/s.css", "/f.svg");

        assertThat(site.title()).isEqualTo("home-web");
        assertThat(site.language()).isEqualTo("en");
        assertThat(site.footer()).isEqualTo("Served by home-web.");
        assertThat(site.discussEmail()).isEmpty();
    }
}

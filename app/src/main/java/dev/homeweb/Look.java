package dev.homeweb;

import dev.homeweb.config.SiteYaml;
import dev.homeweb.content.SiteYamlReader;
import dev.homeweb.site.Theme;
import java.nio.file.Path;

/** The settings and templates that travel with the content, read and compiled. */
record Look(SiteYaml file, Theme theme) {
    static Look of(Path contentDir) {
        return new Look(
                new SiteYamlReader().read(contentDir), Theme.load(Theme.folderFor(contentDir)));
    }
}

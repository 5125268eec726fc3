package dev.homeweb.content;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.homeweb.config.SiteYaml;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SiteFileReaderTest {
    @TempDir Path content;

    SiteYaml read(String yaml) throws IOException {
        Files.writeString(content.resolve("site.yaml"), yaml);
        return new SiteYamlReader().read(content);
    }

    @Test
    void readsEverySetting() throws IOException {
        var file =
                read(
                        """
                        title: Carnets
                        description: Notes from the workshop
                        author: Ana Lima
                        language: pt-BR
                        navigation:
                          - title: About
                            url: /about
                          - title: Code
                            url: https://example.org/code
                        footer: © 2026 Ana Lima
                        discuss: ana@example.org
                        """);

        assertThat(file.title()).contains("Carnets");
        assertThat(file.description()).contains("Notes from the workshop");
        assertThat(file.author()).contains("Ana Lima");
        assertThat(file.language()).contains("pt-BR");
        assertThat(file.navigation())
                .containsExactly(
                        new SiteYaml.NavLink("About", "/about"),
                        new SiteYaml.NavLink("Code", "https://example.org/code"));
        assertThat(file.footer()).contains("© 2026 Ana Lima");
        assertThat(file.discussEmail()).contains("ana@example.org");
    }

    @Test
    void noFileMeansNoSettings() {
        assertThat(new SiteYamlReader().read(content)).isEqualTo(SiteYaml.NONE);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            textBlock =
                    """
                    unknown key      | title: A\\ntheme: dark                | 2 | unknown key 'theme'; site.yaml knows title, description
                    not YAML         | title: A\\nfooter: [x               | 2 | site.yaml is not valid YAML
                    list for text    | title: [a, b]                        | 1 | title must be a line of text
                    bad language     | title: A\\nlanguage: English         | 2 | language 'English' is not a language tag such as en or pt-BR
                    bad discuss      | discuss: me at home                  | 1 | discuss 'me at home' is not an e-mail address
                    navigation text  | navigation: /about                   | 1 | navigation must be a list of links
                    link without url | navigation:\\n  - title: About       | 2 | a navigation link needs both title and url
                    link bad url     | navigation:\\n  - title: A\\n    url: about | 2 | navigation url 'about' is neither a path
                    link odd key     | navigation:\\n  - title: A\\n    href: /a   | 3 | unknown navigation key 'href'
                    """)
    void badSiteFileNamesFileLineAndWhatIsWrong(String name, String yaml, int line, String message)
            throws IOException {
        var file = content.resolve("site.yaml");
        assertThatThrownBy(() -> read(yaml.replace("\\n", "\n")))
                .isInstanceOf(ContentException.class)
                .hasMessageContaining(file + ":" + line + ": " + message);
    }
}

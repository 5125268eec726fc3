package dev.homeweb.markdown;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class HighlighterTest {
    /** Built once: compiling every grammar is the expensive part. */
    private static final Highlighter HIGHLIGHTER = new Highlighter();

    private static final List<String> LANGUAGES =
            List.of(
                    "java",
                    "bash",
                    "console",
                    "sql",
                    "nix",
                    "toml",
                    "yaml",
                    "json",
                    "html",
                    "xml",
                    "python",
                    "css",
                    "javascript");

    private static String highlight(String language, String code) {
        return HIGHLIGHTER.highlight(code, language).orElseThrow();
    }

    @Nested
    class EachLanguage {
        @Test
        void javaColoursKeywordsTypesAnnotationsStringsAndComments() {
            assertThat(
                            highlight(
                                    "java",
                                    """
                                    // Greets someone.
                                    record Greeting(String name) {
                                        static final int MAX = 3;

                                        @Override
                                        public String toString() {
                                            return "Hi " + name + '!';
                                        }
                                    }
                                    """))
                    .isEqualTo(
                            """
                            <span class="hl-comment">// Greets someone.</span>
                            <span class="hl-keyword">record</span> <span class="hl-type">Greeting</span>(<span class="hl-type">String</span> name) {
                                <span class="hl-keyword">static</span> <span class="hl-keyword">final</span> <span class="hl-keyword">int</span> <span class="hl-constant">MAX</span> = <span class="hl-number">3</span>;

                                <span class="hl-meta">@Override</span>
                                <span class="hl-keyword">public</span> <span class="hl-type">String</span> <span class="hl-function">toString</span>() {
                                    <span class="hl-keyword">return</span> <span class="hl-string">&quot;Hi &quot;</span> + name + <span class="hl-string">'!'</span>;
                                }
                            }
                            """);
        }

        @Test
        void javaTextBlocksAreOneStringAndRecordIsAKeywordOnlyInADeclaration() {
            assertThat(
                            highlight(
                                    "java",
                                    """
                                    var html = \"""
                                        <p class="x">\\\"""</p>
                                        \""";
                                    record.setBodyHtml(html);
                                    """))
                    .isEqualTo(
                            """
                            <span class="hl-keyword">var</span> html = <span class="hl-string">&quot;&quot;&quot;
                                &lt;p class=&quot;x&quot;&gt;\\&quot;&quot;&quot;&lt;/p&gt;
                                &quot;&quot;&quot;</span>;
                            record.<span class="hl-function">setBodyHtml</span>(html);
                            """);
        }

        @Test
        void shellColoursCommandsKeywordsVariablesStringsAndComments() {
            assertThat(
                            highlight(
                                    "sh",
                                    """
                                    # Copy the site, then reload.
                                    export TARGET="$HOME/site"
                                    if [ -d "$TARGET" ]; then
                                      rsync -a out/ "$TARGET" && echo 'done'
                                    fi
                                    """))
                    .isEqualTo(
                            """
                            <span class="hl-comment"># Copy the site, then reload.</span>
                            <span class="hl-function">export</span> <span class="hl-variable">TARGET</span>=<span class="hl-string">&quot;<span class="hl-variable">$HOME</span>/site&quot;</span>
                            <span class="hl-keyword">if</span> [ -d <span class="hl-string">&quot;<span class="hl-variable">$TARGET</span>&quot;</span> ]; <span class="hl-keyword">then</span>
                              <span class="hl-function">rsync</span> -a out/ <span class="hl-string">&quot;<span class="hl-variable">$TARGET</span>&quot;</span> &amp;&amp; <span class="hl-function">echo</span> <span class="hl-string">'done'</span>
                            <span class="hl-keyword">fi</span>
                            """);
        }

        @Test
        void shellKeepsHashesInsideStringsAndColoursSubstitutionDelimiters() {
            assertThat(highlight("bash", "echo \"a # b\" $(date) # done\n"))
                    .isEqualTo(
                            "<span class=\"hl-function\">echo</span> <span class=\"hl-string\">&quot;a # b&quot;</span>"
                                    + " <span class=\"hl-variable\">$(</span>date<span class=\"hl-variable\">)</span>"
                                    + " <span class=\"hl-comment\"># done</span>\n");
        }

        @Test
        void consoleSeparatesPromptsCommandsAndOutput() {
            assertThat(
                            highlight(
                                    "console",
                                    """
                                    $ java -version
                                    openjdk version "17.0.13"
                                    me@host:~/site$ ls \\
                                      -la
                                    total 0
                                    """))
                    .isEqualTo(
                            """
                            <span class="hl-prompt">$</span> <span class="hl-function">java</span> -version
                            <span class="hl-output">openjdk version &quot;17.0.13&quot;</span>
                            <span class="hl-prompt">me@host:~/site$</span> <span class="hl-function">ls</span> \\
                              -la
                            <span class="hl-output">total 0</span>
                            """);
        }

        @Test
        void sqlColoursKeywordsIncludingWordOperatorsStringsAndComments() {
            assertThat(
                            highlight(
                                    "sql",
                                    """
                                    -- Recent posts.
                                    SELECT slug, title FROM posts
                                    WHERE draft = false AND title LIKE 'A%'
                                    ORDER BY published DESC LIMIT 10;
                                    """))
                    .isEqualTo(
                            """
                            <span class="hl-comment">-- Recent posts.</span>
                            <span class="hl-keyword">SELECT</span> slug, title <span class="hl-keyword">FROM</span> posts
                            <span class="hl-keyword">WHERE</span> draft = <span class="hl-constant">false</span> <span class="hl-keyword">AND</span> title <span class="hl-keyword">LIKE</span> <span class="hl-string">'A%'</span>
                            <span class="hl-keyword">ORDER</span> <span class="hl-keyword">BY</span> published <span class="hl-keyword">DESC</span> <span class="hl-keyword">LIMIT</span> <span class="hl-number">10</span>;
                            """);
        }

        @Test
        void nixColoursAttributePathsPathsStringsAndInterpolation() {
            assertThat(
                            highlight(
                                    "nix",
                                    """
                                    # The service.
                                    { pkgs, ... }: {
                                      services.home-web.enable = true;
                                      services.home-web.package = pkgs.callPackage ./default.nix { };
                                      environment.etc."home-web/name".text = "home-web ${toString 7}";
                                    }
                                    """))
                    .isEqualTo(
                            """
                            <span class="hl-comment"># The service.</span>
                            { pkgs, ... }: {
                              <span class="hl-property">services.home-web.enable</span> = <span class="hl-constant">true</span>;
                              <span class="hl-property">services.home-web.package</span> = pkgs.callPackage <span class="hl-string">./default.nix</span> { };
                              <span class="hl-property">environment.etc.&quot;home-web/name&quot;.text</span> = <span class="hl-string">&quot;home-web <span class="hl-keyword">${</span><span class="hl-function">toString</span> <span class="hl-number">7</span><span class="hl-keyword">}</span>&quot;</span>;
                            }
                            """);
        }

        @Test
        void nixIndentedStringsKeepTheirContentAsString() {
            assertThat(
                            highlight(
                                    "nix",
                                    """
                                    let x = 1; in ''
                                      port = ${x}; # not a comment
                                    ''
                                    """))
                    .isEqualTo(
                            """
                            <span class="hl-keyword">let</span> <span class="hl-property">x</span> = <span class="hl-number">1</span>; <span class="hl-keyword">in</span> <span class="hl-string">''
                              port = <span class="hl-keyword">${</span>x<span class="hl-keyword">}</span>; # not a comment
                            ''</span>
                            """);
        }

        @Test
        void tomlColoursTablesKeysStringsAndComments() {
            assertThat(
                            highlight(
                                    "toml",
                                    """
                                    # Build settings.
                                    [build]
                                    jobs = 2
                                    target = "x86_64" # for now
                                    [[site.mirrors]]
                                    published = 2026-11-21T09:00:00Z
                                    release = true
                                    """))
                    .isEqualTo(
                            """
                            <span class="hl-comment"># Build settings.</span>
                            [<span class="hl-type">build</span>]
                            <span class="hl-property">jobs</span> = <span class="hl-number">2</span>
                            <span class="hl-property">target</span> = <span class="hl-string">&quot;x86_64&quot;</span> <span class="hl-comment"># for now</span>
                            [[<span class="hl-type">site.mirrors</span>]]
                            <span class="hl-property">published</span> = <span class="hl-number">2026-11-21T09:00:00Z</span>
                            <span class="hl-property">release</span> = <span class="hl-constant">true</span>
                            """);
        }

        @Test
        void yamlColoursKeysStringsDatesBooleansAndComments() {
            assertThat(
                            highlight(
                                    "yaml",
                                    """
                                    # Front matter.
                                    title: "My first post"
                                    date: 2026-11-21
                                    tags: [notes, java]
                                    draft: false
                                    """))
                    .isEqualTo(
                            """
                            <span class="hl-comment"># Front matter.</span>
                            <span class="hl-property">title</span>: <span class="hl-string">&quot;My first post&quot;</span>
                            <span class="hl-property">date</span>: <span class="hl-number">2026-11-21</span>
                            <span class="hl-property">tags</span>: [notes, java]
                            <span class="hl-property">draft</span>: <span class="hl-constant">false</span>
                            """);
        }

        @Test
        void jsonColoursPropertiesStringsNumbersAndLiterals() {
            assertThat(highlight("json", "{\"name\": \"home-web\", \"port\": 8080, \"up\": null}"))
                    .isEqualTo(
                            "{<span class=\"hl-property\">&quot;name&quot;</span>:"
                                    + " <span class=\"hl-string\">&quot;home-web&quot;</span>,"
                                    + " <span class=\"hl-property\">&quot;port&quot;</span>:"
                                    + " <span class=\"hl-number\">8080</span>,"
                                    + " <span class=\"hl-property\">&quot;up&quot;</span>:"
                                    + " <span class=\"hl-constant\">null</span>}");
        }

        @Test
        void htmlColoursTagsAttributesValuesEntitiesAndComments() {
            assertThat(
                            highlight(
                                    "html",
                                    """
                                    <!-- Site header -->
                                    <a href="/" class="site-title">home-web &amp; co</a>
                                    """))
                    .isEqualTo(
                            """
                            <span class="hl-comment">&lt;!-- Site header --&gt;</span>
                            <span class="hl-tag">&lt;a <span class="hl-attr">href</span><span class="hl-string">=&quot;/&quot;</span> <span class="hl-attr">class</span><span class="hl-string">=&quot;site-title&quot;</span>&gt;</span>home-web <span class="hl-constant">&amp;amp;</span> co<span class="hl-tag">&lt;/a&gt;</span>
                            """);
        }

        @Test
        void xmlColoursPrologTagsAndAttributes() {
            assertThat(
                            highlight(
                                    "xml",
                                    """
                                    <?xml version="1.0"?>
                                    <feed xmlns="http://www.w3.org/2005/Atom"><title>Posts</title></feed>
                                    """))
                    .isEqualTo(
                            """
                            <span class="hl-comment">&lt;?xml version=&quot;1.0&quot;?&gt;</span>
                            <span class="hl-tag">&lt;feed <span class="hl-attr">xmlns</span><span class="hl-string">=&quot;http://www.w3.org/2005/Atom&quot;</span>&gt;</span><span class="hl-tag">&lt;title&gt;</span>Posts<span class="hl-tag">&lt;/title&gt;</span><span class="hl-tag">&lt;/feed&gt;</span>
                            """);
        }

        @Test
        void pythonColoursKeywordsFunctionsDocstringsAndComments() {
            assertThat(
                            highlight(
                                    "python",
                                    """
                                    # Counts words.
                                    def count(text: str) -> int:
                                        \"""Return the number of words.\"""
                                        return len(text.split()) if text else 0
                                    """))
                    .isEqualTo(
                            """
                            <span class="hl-comment"># Counts words.</span>
                            <span class="hl-keyword">def</span> <span class="hl-function">count</span>(text: <span class="hl-function">str</span>) -&gt; <span class="hl-function">int</span>:
                                <span class="hl-string">&quot;&quot;&quot;Return the number of words.&quot;&quot;&quot;</span>
                                <span class="hl-keyword">return</span> <span class="hl-function">len</span>(text.split()) <span class="hl-keyword">if</span> text <span class="hl-keyword">else</span> <span class="hl-number">0</span>
                            """);
        }
    }

    @Nested
    class Names {
        @ParameterizedTest
        @ValueSource(
                strings = {
                    "sh",
                    "shell",
                    "bash",
                    "zsh",
                    "console",
                    "shell-session",
                    "yml",
                    "py",
                    "postgresql",
                    "js",
                    "svg",
                    "Java",
                    "JSON",
                    "TOML",
                    "Nix"
                })
        void aliasesAndAnyCaseNameAKnownLanguage(String language) {
            assertThat(HIGHLIGHTER.highlight("x = 1\n", language)).isPresent();
        }

        @ParameterizedTest
        @ValueSource(strings = {"", "text", "plain", "brainfuck", "java}", "<script>"})
        void unknownLanguagesAreNotHighlighted(String language) {
            assertThat(HIGHLIGHTER.highlight("x = 1\n", language)).isEmpty();
        }
    }

    @Nested
    class Safety {
        private static final Pattern OUR_TAGS =
                Pattern.compile("<span class=\"hl-[a-z]+\">|</span>");

        private static final String HOSTILE =
                """
                </code></pre><script>alert("x")</script> <!-- --> <img src=x onerror=alert(1)>
                "quoted" 'single' `back` & &amp; ${x} $(y) # c // d /* e */ -- f
                <a href="javascript:alert(1)">x</a> ]]> <![CDATA[ z ]]> \\" \\' \\
                """;

        @Test
        void codeCannotProduceMarkupInAnyLanguage() {
            for (var language : LANGUAGES) {
                var html = highlight(language, HOSTILE);
                var withoutOurTags = OUR_TAGS.matcher(html).replaceAll("");

                assertThat(withoutOurTags).as(language).doesNotContain("<", ">", "\"");
                assertThat(unescape(withoutOurTags)).as(language).isEqualTo(HOSTILE);
            }
        }

        @Test
        void everyLanguageKeepsEveryCharacterOfItsCode() {
            var code =
                    """
                    x = "a\\"b" # c
                    y: [1, 2.5e3, -7]
                    fn(a, b) { return a <= b && !c; } // é 😀
                    """;
            for (var language : LANGUAGES) {
                var text = OUR_TAGS.matcher(highlight(language, code)).replaceAll("");
                assertThat(unescape(text)).as(language).isEqualTo(code);
            }
        }

        @Test
        void aVeryLongTokenFallsBackToNothingOrHighlightsWithoutFailing() {
            var code = "String s = \"" + "\\\"x".repeat(100_000) + "\";\n";

            var html = HIGHLIGHTER.highlight(code, "java");

            html.ifPresent(
                    h -> assertThat(unescape(OUR_TAGS.matcher(h).replaceAll(""))).isEqualTo(code));
        }

        private static String unescape(String html) {
            return html.replace("&lt;", "<")
                    .replace("&gt;", ">")
                    .replace("&quot;", "\"")
                    .replace("&amp;", "&");
        }
    }
}

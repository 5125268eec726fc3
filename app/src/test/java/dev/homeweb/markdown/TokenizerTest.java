package dev.homeweb.markdown;

import static io.noties.prism4j.Prism4j.grammar;
import static io.noties.prism4j.Prism4j.pattern;
import static io.noties.prism4j.Prism4j.token;
import static org.assertj.core.api.Assertions.assertThat;

import io.noties.prism4j.Prism4j;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class TokenizerTest {
    private static final Prism4j PRISM4J = new Prism4j(new BundledGrammars());
    private static final Languages LANGUAGES = new Languages(PRISM4J);

    /** Code that exercises greedy matches swallowing earlier tokens, lookbehinds and insides. */
    private static final List<String> SAMPLES =
            List.of(
                    """
                    // a "comment" with 'quotes' # and hashes
                    /* block */ String s = "a // not a comment"; char c = '"'; # x
                    x = "$HOME/${name}" + `cmd` + $(date) # trailing 'quote
                    <a href="/x?a=1&amp;b=2" data-x='y'>t &lt; u</a><!-- c --><br/>
                    key: "value" # c
                    [table.sub] "k" = '''multi
                    line''' ''nix ${x} string''
                    def f(a, b=2): return a and not b  -- sql comment
                    SELECT 'it''s' FROM t WHERE a LIKE "%x%"; @Override record R(int x) {}
                    $ echo "prompt"
                    output line
                    """,
                    "\"unterminated string\n'and another\n/* unterminated comment",
                    "\n\n\t  \n",
                    "x");

    @Test
    void tokenizesEveryLanguageExactlyAsPrism4jDoes() {
        for (var language : Languages.canonicalNames()) {
            var grammar = LANGUAGES.find(language).orElseThrow();
            for (var code : SAMPLES) {
                assertThat(ours(code, Tokenizer.tokenize(code, grammar)))
                        .as("%s: %s", language, code)
                        .isEqualTo(prism4j(PRISM4J.tokenize(code, grammar)));
            }
        }
    }

    @Test
    void leavesEmptyCodeAsOneEmptyTextWherePrism4jThrows() {
        assertThat(Tokenizer.tokenize("", LANGUAGES.find("java").orElseThrow()))
                .containsExactly(new Tokenizer.Text(0, 0));
    }

    @Test
    void treatsAnEmptyMatchAsNoMatchInsteadOfLooping() {
        var grammar =
                grammar(
                        "test",
                        token("empty", pattern(Pattern.compile("z*"))),
                        token("greedy-empty", pattern(Pattern.compile("y*"), false, true)),
                        token("word", pattern(Pattern.compile("\\w+"))));

        var nodes = Tokenizer.tokenize("ab cd", grammar);

        assertThat(ours("ab cd", nodes)).isEqualTo("word{ab} word{cd}");
    }

    private static String ours(String code, List<Tokenizer.Node> nodes) {
        var out = new StringBuilder();
        for (var node : nodes) {
            if (node instanceof Tokenizer.Token token) {
                out.append(token.type())
                        .append(token.alias() == null ? "" : "[" + token.alias() + "]")
                        .append('{')
                        .append(ours(code, token.children()))
                        .append('}');
            } else {
                out.append(code, node.start(), node.end());
            }
        }
        return out.toString();
    }

    private static String prism4j(List<? extends Prism4j.Node> nodes) {
        var out = new StringBuilder();
        for (var node : nodes) {
            if (node instanceof Prism4j.Syntax syntax) {
                out.append(syntax.type())
                        .append(syntax.alias() == null ? "" : "[" + syntax.alias() + "]")
                        .append('{')
                        .append(prism4j(syntax.children()))
                        .append('}');
            } else {
                out.append(((Prism4j.Text) node).literal());
            }
        }
        return out.toString();
    }
}

package dev.homeweb.markdown;

import static io.noties.prism4j.Prism4j.pattern;
import static io.noties.prism4j.Prism4j.token;
import static java.util.regex.Pattern.compile;

import io.noties.prism4j.GrammarUtils;
import io.noties.prism4j.Prism4j;
import java.util.ArrayList;
import java.util.List;

/** Brings Prism4j's Java grammar (Prism of 2019, Java 8) up to Java 17. */
final class JavaGrammar {
    private static final String KEYWORDS =
            "abstract|assert|boolean|break|byte|case|catch|char|class|const|continue|default|do"
                    + "|double|else|enum|extends|final|finally|float|for|goto|if|implements|import"
                    + "|instanceof|int|interface|long|native|new|non-sealed|null|package|permits"
                    + "|private|protected|public|return|sealed|short|static|strictfp|super|switch"
                    + "|synchronized|this|throw|throws|transient|try|var|void|volatile|while|yield";

    private JavaGrammar() {}

    static Prism4j.Grammar modernize(Prism4j.Grammar java) {
        // `record` is a keyword only where it declares one: jOOQ code is full of `record.set...`.
        replace(
                java,
                token(
                        "keyword",
                        pattern(compile("\\b(?:" + KEYWORDS + ")\\b|\\brecord(?=\\s+[A-Z])"))));

        var textBlock =
                pattern(
                        compile(
                                "\"\"\"[ \\t]*\\R[^\\\\\"]*(?:(?:\\\\[\\s\\S]|\"(?!\"\"))[^\\\\\"]*)*\"\"\""),
                        false,
                        true);
        var strings = new ArrayList<Prism4j.Pattern>();
        strings.add(textBlock);
        strings.addAll(GrammarUtils.findToken(java, "string").patterns());
        replace(java, token("string", strings));

        // Types and constants by naming convention, as current Prism does; annotations come first.
        var typeName =
                token(
                        "class-name",
                        pattern(compile("\\b[A-Z](?:[A-Z0-9_]*[a-z][A-Za-z0-9_]*)?\\b")));
        var constant = token("constant", pattern(compile("\\b[A-Z][A-Z0-9_]+\\b")));
        GrammarUtils.insertBeforeToken(java, "function", typeName, constant);
        var generics = GrammarUtils.findToken(java, "generics");
        if (generics != null) {
            var inside = GrammarUtils.findFirstInsideGrammar(generics);
            if (inside != null) {
                inside.tokens().add(typeName);
            }
        }
        return java;
    }

    private static void replace(Prism4j.Grammar grammar, Prism4j.Token token) {
        List<Prism4j.Token> tokens = grammar.tokens();
        for (int i = 0; i < tokens.size(); i++) {
            if (tokens.get(i).name().equals(token.name())) {
                tokens.set(i, token);
                return;
            }
        }
        throw new IllegalStateException("no token " + token.name() + " in " + grammar.name());
    }
}

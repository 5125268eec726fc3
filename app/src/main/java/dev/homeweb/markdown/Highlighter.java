package dev.homeweb.markdown;

import dev.homeweb.internal.Escaping;
import io.noties.prism4j.Prism4j;
import java.util.List;
import java.util.Optional;

/**
 * Turns source code into HTML: every character escaped, tokens wrapped in {@code <span
 * class="hl-...">}. Building one compiles every grammar; after that it is immutable and may be
 * shared between threads.
 */
final class Highlighter {
    private final Languages languages;

    Highlighter() {
        languages = new Languages(new Prism4j(new BundledGrammars()));
    }

    /**
     * The code as highlighted HTML, or empty when the language is unknown or its grammar fails on
     * this code: then the caller shows the code escaped and uncoloured.
     */
    Optional<String> highlight(String code, String language) {
        var grammar = languages.find(language);
        if (grammar.isEmpty()) {
            return Optional.empty();
        }
        List<Tokenizer.Node> tokens;
        try {
            tokens = Tokenizer.tokenize(code, grammar.get());
        } catch (RuntimeException | StackOverflowError e) {
            // A grammar tripping over odd code (a regex recursing on a very long token, say) must
            // not fail the import: the block stays readable, only uncoloured.
            return Optional.empty();
        }
        var html = new StringBuilder(code.length() + code.length() / 2);
        append(code, tokens, "", html);
        return Optional.of(html.toString());
    }

    /** Tokens inside a token of the same class (a tag's name in a tag) get no span of their own. */
    private static void append(
            String code, List<Tokenizer.Node> nodes, String enclosingClass, StringBuilder html) {
        for (var node : nodes) {
            if (node instanceof Tokenizer.Token token) {
                var cssClass = TokenClasses.of(token.type(), token.alias()).orElse(enclosingClass);
                if (cssClass.equals(enclosingClass)) {
                    append(code, token.children(), enclosingClass, html);
                } else {
                    html.append("<span class=\"").append(cssClass).append("\">");
                    append(code, token.children(), cssClass, html);
                    html.append("</span>");
                }
            } else {
                Escaping.escapeHtml(code, node.start(), node.end(), html);
            }
        }
    }
}

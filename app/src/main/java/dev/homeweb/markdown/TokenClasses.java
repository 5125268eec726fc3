package dev.homeweb.markdown;

import static java.util.Map.entry;

import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * The CSS class for a Prism token: a few dozen token types fold into fourteen {@code hl-*} classes
 * that highlight.css colours. Class names come only from this table, never from a grammar or from
 * the code being highlighted.
 */
final class TokenClasses {
    /** Tokens that only group others: their parts carry the colours. */
    private static final String NONE = "";

    private static final Map<String, String> BY_TOKEN =
            Map.ofEntries(
                    entry("comment", "hl-comment"),
                    entry("prolog", "hl-comment"),
                    entry("doctype", "hl-comment"),
                    entry("cdata", "hl-comment"),
                    entry("shebang", "hl-comment"),
                    entry("string", "hl-string"),
                    entry("char", "hl-string"),
                    entry("attr-value", "hl-string"),
                    entry("scalar", "hl-string"),
                    entry("triple-quoted-string", "hl-string"),
                    entry("template-string", "hl-string"),
                    entry("regex", "hl-string"),
                    entry("url", "hl-string"),
                    entry("path", "hl-string"),
                    entry("keyword", "hl-keyword"),
                    entry("atrule", "hl-keyword"),
                    entry("important", "hl-keyword"),
                    entry("directive", "hl-keyword"),
                    entry("antiquotation", "hl-keyword"),
                    entry("number", "hl-number"),
                    entry("datetime", "hl-number"),
                    entry("date", "hl-number"),
                    entry("boolean", "hl-constant"),
                    entry("null", "hl-constant"),
                    entry("constant", "hl-constant"),
                    entry("entity", "hl-constant"),
                    entry("function", "hl-function"),
                    entry("function-name", "hl-function"),
                    entry("builtin", "hl-function"),
                    entry("class-name", "hl-type"),
                    entry("table", "hl-type"),
                    entry("namespace", "hl-type"),
                    entry("annotation", "hl-meta"),
                    entry("property", "hl-property"),
                    entry("key", "hl-property"),
                    entry("attr-name", "hl-attr"),
                    entry("tag", "hl-tag"),
                    entry("selector", "hl-tag"),
                    entry("variable", "hl-variable"),
                    entry("assign-left", "hl-variable"),
                    entry("for-or-select", "hl-variable"),
                    entry("prompt", "hl-prompt"),
                    entry("output", "hl-output"),
                    entry("generics", NONE),
                    entry("interpolation", NONE),
                    entry("command-substitution", NONE),
                    entry("command", NONE),
                    entry("bash", NONE),
                    entry("punctuation", NONE),
                    entry("operator", NONE));

    private TokenClasses() {}

    /** The class for a token by its type, else by its alias; empty for uncoloured tokens. */
    static Optional<String> of(String type, @Nullable String alias) {
        var byType = BY_TOKEN.get(type);
        if (byType == null && alias != null) {
            byType = BY_TOKEN.get(alias);
        }
        return byType == null || byType.isEmpty() ? Optional.empty() : Optional.of(byType);
    }
}

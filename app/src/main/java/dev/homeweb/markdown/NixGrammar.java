package dev.homeweb.markdown;

import static io.noties.prism4j.Prism4j.grammar;
import static io.noties.prism4j.Prism4j.pattern;
import static io.noties.prism4j.Prism4j.token;
import static java.util.regex.Pattern.compile;

import io.noties.prism4j.Prism4j;
import java.util.ArrayList;

/** The Nix expression language, after Prism's {@code nix} grammar; Prism4j ships none. */
final class NixGrammar {
    private static final String BUILTINS =
            "abort|baseNameOf|builtins|derivation|dirOf|fetchGit|fetchTarball|fetchurl|import"
                    + "|isNull|map|placeholder|removeAttrs|throw|toString";

    private NixGrammar() {}

    static Prism4j.Grammar create() {
        // ${...} holds a whole expression: its grammar is this one, filled in below.
        var interpolated =
                grammar("inside", token("antiquotation", pattern(compile("^\\$\\{|\\}$"))));
        var interpolation =
                token(
                        "interpolation",
                        pattern(
                                compile("\\$\\{[^{}]*(?:\\{[^{}]*\\}[^{}]*)*\\}"),
                                false,
                                false,
                                null,
                                interpolated));
        var strings = grammar("inside", interpolation);
        var nix =
                grammar(
                        "nix",
                        token("comment", pattern(compile("/\\*[\\s\\S]*?\\*/|#.*"), false, true)),
                        // Attribute paths being set, quoted parts too: before strings, and greedy.
                        token(
                                "property",
                                pattern(
                                        compile(
                                                "\\b[A-Za-z_][\\w'-]*"
                                                        + "(?:\\.(?:[A-Za-z_][\\w'-]*|\"[^\"\\\\$]*\"))*"
                                                        + "(?=\\s*=(?!=))"),
                                        false,
                                        true)),
                        token(
                                "string",
                                pattern(
                                        compile("\"[^\"\\\\]*(?:\\\\[\\s\\S][^\"\\\\]*)*\""),
                                        false,
                                        true,
                                        null,
                                        strings),
                                // ''indented strings'': '' escapes itself, $ and \.
                                pattern(
                                        compile("''[^']*(?:(?:'(?!')|''['$\\\\])[^']*)*''"),
                                        false,
                                        true,
                                        null,
                                        strings)),
                        token(
                                "url",
                                pattern(compile("\\b[a-z][a-z0-9+.-]*://[\\w\\-+%~/.:#=?&]+"))),
                        token(
                                "path",
                                pattern(compile("(?<![\\w.~])(?:\\.\\.?|~)?(?:/[\\w\\-+.~]+)+/?")),
                                pattern(compile("<[\\w\\-+.]+(?:/[\\w\\-+.]+)*>"))),
                        interpolation,
                        token(
                                "keyword",
                                pattern(
                                        compile(
                                                "\\b(?:assert|else|if|in|inherit|let|or|rec|then|with)\\b"))),
                        token("boolean", pattern(compile("\\b(?:true|false|null)\\b"))),
                        token("function", pattern(compile("\\b(?:" + BUILTINS + ")\\b"))),
                        token("number", pattern(compile("\\b\\d+(?:\\.\\d+)?\\b"))));
        var tokens = new ArrayList<>(nix.tokens());
        interpolated.tokens().addAll(tokens);
        return nix;
    }
}

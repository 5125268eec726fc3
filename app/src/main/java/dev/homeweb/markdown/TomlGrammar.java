package dev.homeweb.markdown;

import static io.noties.prism4j.Prism4j.grammar;
import static io.noties.prism4j.Prism4j.pattern;
import static io.noties.prism4j.Prism4j.token;
import static java.util.regex.Pattern.CASE_INSENSITIVE;
import static java.util.regex.Pattern.MULTILINE;
import static java.util.regex.Pattern.compile;

import io.noties.prism4j.Prism4j;

/** TOML 1.0, after Prism's {@code toml} grammar; Prism4j ships none. */
final class TomlGrammar {
    /** A bare, 'literal' or "basic" key. */
    private static final String KEY =
            "(?:[\\w-]+|'[^'\\n]*'|\"[^\"\\\\\\n]*(?:\\\\.[^\"\\\\\\n]*)*\")";

    private static final String DOTTED_KEY = KEY + "(?:\\s*\\.\\s*" + KEY + ")*";

    private TomlGrammar() {}

    static Prism4j.Grammar create() {
        return grammar(
                "toml",
                token("comment", pattern(compile("#.*"), false, true)),
                token(
                        "table",
                        pattern(
                                compile(
                                        "(^[\\t ]*\\[\\s*(?:\\[\\s*)?)"
                                                + DOTTED_KEY
                                                + "(?=\\s*\\])",
                                        MULTILINE),
                                true,
                                true)),
                token(
                        "key",
                        pattern(
                                compile(
                                        "(^[\\t ]*|[{,]\\s*)" + DOTTED_KEY + "(?=\\s*=)",
                                        MULTILINE),
                                true,
                                true)),
                token(
                        "string",
                        pattern(
                                compile(
                                        "\"\"\"[^\\\\\"]*(?:(?:\\\\[\\s\\S]|\"(?!\"\"))[^\\\\\"]*)*\"\"\""
                                                + "|'''[\\s\\S]*?'''"
                                                + "|'[^'\\n]*'"
                                                + "|\"[^\"\\\\\\n]*(?:\\\\.[^\"\\\\\\n]*)*\""),
                                false,
                                true)),
                token(
                        "date",
                        pattern(
                                compile(
                                        "\\b\\d{4}-\\d{2}-\\d{2}"
                                                + "(?:[T ]\\d{2}:\\d{2}:\\d{2}(?:\\.\\d+)?"
                                                + "(?:Z|[+-]\\d{2}:\\d{2})?)?\\b"
                                                + "|\\b\\d{2}:\\d{2}:\\d{2}(?:\\.\\d+)?\\b",
                                        CASE_INSENSITIVE))),
                token(
                        "number",
                        pattern(
                                compile(
                                        "\\b0(?:x[\\da-fA-F]+(?:_[\\da-fA-F]+)*|o[0-7]+(?:_[0-7]+)*"
                                                + "|b[01]+(?:_[01]+)*)\\b"
                                                + "|[-+]?\\b\\d+(?:_\\d+)*(?:\\.\\d+(?:_\\d+)*)?"
                                                + "(?:[eE][+-]?\\d+(?:_\\d+)*)?\\b"
                                                + "|[-+]?\\b(?:inf|nan)\\b"))),
                token("boolean", pattern(compile("\\b(?:true|false)\\b"))));
    }
}

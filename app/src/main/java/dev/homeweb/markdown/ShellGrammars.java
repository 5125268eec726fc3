package dev.homeweb.markdown;

import static io.noties.prism4j.Prism4j.grammar;
import static io.noties.prism4j.Prism4j.pattern;
import static io.noties.prism4j.Prism4j.token;
import static java.util.regex.Pattern.MULTILINE;
import static java.util.regex.Pattern.compile;

import io.noties.prism4j.Prism4j;

/**
 * Bash (also for sh, shell and zsh) and console sessions, after Prism's {@code bash} and {@code
 * shell-session} grammars; Prism4j ships neither.
 *
 * <p>Repetitions are written as unrolled loops ({@code a*(?:b a*)*}) rather than {@code (?:a|b)*}:
 * java.util.regex recurses once per repetition of a group, and a long string would overflow the
 * stack.
 */
final class ShellGrammars {
    /** Where a command word may start: after a separator or at the start of the text. */
    private static final String COMMAND_START = "(^|[\\s;|&]|[<>]\\()";

    private static final String COMMAND_END = "(?=$|[)\\s;|&])";

    private static final String KEYWORDS =
            "case|do|done|elif|else|esac|fi|for|function|if|in|select|then|until|while";

    private static final String BUILTINS =
            "\\.|:|alias|bg|bind|break|builtin|cd|command|continue|declare|echo|eval|exec|exit"
                    + "|export|fg|getopts|hash|jobs|let|local|printf|pwd|read|readonly|return|set"
                    + "|shift|shopt|source|test|trap|type|typeset|ulimit|umask|unalias|unset|wait";

    private static final String COMMANDS =
            "age|apt|apt-cache|apt-get|awk|base64|basename|bash|cat|chmod|chown|cmp|cp|curl|cut"
                    + "|date|dd|debootstrap|df|diff|dig|dirname|docker|dpkg|du|env|find|free|git"
                    + "|gpg|grep|gunzip|gzip|head|hugo|id|ip|java|javac|journalctl|jq|kill|less"
                    + "|ln|ls|make|man|mkdir|mktemp|mv|mvn|nc|nginx|nix|nix-build|nix-env"
                    + "|nix-shell|nixos-rebuild|node|npm|npx|openssl|pg_dump|pg_restore|podman"
                    + "|ps|psql|python3?|rm|rmdir|rsync|scp|sed|seq|sh|sleep|sort|ss|ssh"
                    + "|ssh-keygen|stat|sudo|systemctl|tail|tar|tee|time|timeout|touch|tr|uname"
                    + "|uniq|unzip|useradd|wc|wget|which|xargs|zip";

    private ShellGrammars() {}

    static Prism4j.Grammar bash() {
        var variable = variable();
        var substitution = commandSubstitution(variable);
        var insideDoubleQuotes = grammar("inside", substitution, variable);
        return grammar(
                "bash",
                token("shebang", pattern(compile("^#!\\s*/.*"))),
                token("comment", pattern(compile("(^|[^\"{\\\\$\\w])#.*"), true)),
                token(
                        "function-name",
                        pattern(compile("(\\bfunction\\s+)[\\w-]+"), true),
                        pattern(compile("\\b[\\w-]+(?=\\s*\\(\\s*\\)\\s*\\{)"))),
                token(
                        "for-or-select",
                        pattern(compile("(\\b(?:for|select)\\s+)\\w+(?=\\s+in\\s)"), true)),
                token("assign-left", pattern(compile(COMMAND_START + "\\w+(?=\\+?=)"), true)),
                token(
                        "string",
                        // Here-document up to its delimiter line; quoted delimiters expand nothing.
                        pattern(
                                compile(
                                        "((?:^|[^<])<<-?\\s*)([\"']?)(\\w+)\\2[^\\n]*\\n"
                                                + "[\\s\\S]*?\\n[ \\t]*\\3(?=\\n|$)"),
                                true,
                                true),
                        pattern(
                                compile("(^|[^\\\\])\"[^\"\\\\]*(?:\\\\[\\s\\S][^\"\\\\]*)*\""),
                                true,
                                true,
                                null,
                                insideDoubleQuotes),
                        pattern(compile("(^|[^$\\\\])'[^']*'"), true, true),
                        pattern(compile("\\$'[^'\\\\]*(?:\\\\[\\s\\S][^'\\\\]*)*'"), false, true)),
                substitution,
                variable,
                token(
                        "function",
                        pattern(
                                compile(COMMAND_START + "(?:" + COMMANDS + ")" + COMMAND_END),
                                true)),
                token(
                        "keyword",
                        pattern(
                                compile(COMMAND_START + "(?:" + KEYWORDS + ")" + COMMAND_END),
                                true)),
                token(
                        "builtin",
                        pattern(
                                compile(COMMAND_START + "(?:" + BUILTINS + ")" + COMMAND_END),
                                true)),
                token(
                        "boolean",
                        pattern(compile(COMMAND_START + "(?:true|false)" + COMMAND_END), true)),
                token("number", pattern(compile("(^|\\s)(?:[1-9]\\d*|0)(?:\\.\\d+)?\\b"), true)));
    }

    /**
     * Lines starting with a prompt ({@code $}, {@code #} or {@code %}, optionally after {@code
     * user@host:path}) are bash commands, continued by a trailing backslash; the rest is output.
     */
    static Prism4j.Grammar console(Prism4j.Grammar bash) {
        var command =
                grammar(
                        "inside",
                        token("prompt", pattern(compile("^[^$#%\\n]*[$#%]"))),
                        token("bash", pattern(compile("[\\s\\S]+"), false, false, null, bash)));
        return grammar(
                "console",
                token(
                        "command",
                        pattern(
                                compile(
                                        "^(?:[\\w.-]+@[\\w.-]+(?::[^\\s$#%]*)?\\s?|[~/.][^\\s$#%]*\\s?)?"
                                                + "[$#%](?=[ \\t]|$)[^\\n]*(?:(?<=\\\\)\\n[^\\n]*)*",
                                        MULTILINE),
                                false,
                                true,
                                null,
                                command)),
                token("output", pattern(compile(".+(?:\\n+.+)*"))));
    }

    /**
     * {@code $(command)} and backticks: the delimiters and variables are coloured, not the rest.
     */
    private static Prism4j.Token commandSubstitution(Prism4j.Token variable) {
        var inside =
                grammar(
                        "inside",
                        token("variable", pattern(compile("^\\$\\(|^`|\\)$|`$"))),
                        variable);
        return token(
                "command-substitution",
                pattern(
                        compile("\\$\\((?!\\()[^()]*(?:\\([^()]*\\)[^()]*)*\\)"),
                        false,
                        true,
                        null,
                        inside),
                pattern(compile("`[^`]*`"), false, true, null, inside));
    }

    private static Prism4j.Token variable() {
        return token(
                "variable",
                pattern(compile("\\$\\(\\([^()]*(?:\\([^()]*\\)[^()]*)*\\)\\)"), false, true),
                pattern(compile("\\$\\{[^}]*\\}"), false, true),
                pattern(compile("\\$(?:\\w+|[#?*!@$-])")));
    }
}

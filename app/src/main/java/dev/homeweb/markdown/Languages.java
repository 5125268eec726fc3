package dev.homeweb.markdown;

import io.noties.prism4j.Prism4j;
import io.noties.prism4j.annotations.PrismBundle;
import java.util.Collections;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The grammars a fenced code block may name, by every name an author is likely to type.
 *
 * <p>Prism4j's bundler copies the listed grammars into generated sources at compile time (as {@code
 * BundledGrammars}); shell, console, Nix and TOML are ours; Java is brought up to date and SQL
 * learns PostgreSQL's words. Every grammar is built once, here, so tokenizing later only reads them
 * and may run on any thread.
 */
@PrismBundle(
        include = {"clike", "java", "json", "yaml", "sql", "python", "markup", "css", "javascript"},
        grammarLocatorClassName = ".BundledGrammars")
final class Languages {
    private static final Set<String> UNCOLOURED = Set.of("punctuation", "operator");

    private final Map<String, Prism4j.Grammar> byName;

    Languages(Prism4j prism4j) {
        var bash = ShellGrammars.bash();
        var byCanonicalName = new HashMap<String, Prism4j.Grammar>();
        // Markup first: loading css and javascript afterwards lets them embed into <style> and
        // <script>.
        byCanonicalName.put("markup", bundled(prism4j, "markup"));
        byCanonicalName.put("css", bundled(prism4j, "css"));
        byCanonicalName.put("javascript", bundled(prism4j, "javascript"));
        byCanonicalName.put("java", JavaGrammar.modernize(bundled(prism4j, "java")));
        byCanonicalName.put("json", bundled(prism4j, "json"));
        byCanonicalName.put("yaml", bundled(prism4j, "yaml"));
        byCanonicalName.put("sql", SqlGrammar.forPostgres(bundled(prism4j, "sql")));
        byCanonicalName.put("python", bundled(prism4j, "python"));
        byCanonicalName.put("bash", bash);
        byCanonicalName.put("console", ShellGrammars.console(bash));
        byCanonicalName.put("nix", NixGrammar.create());
        byCanonicalName.put("toml", TomlGrammar.create());

        var stripped = Collections.newSetFromMap(new IdentityHashMap<Prism4j.Grammar, Boolean>());
        byCanonicalName.values().forEach(grammar -> dropUncolouredTokens(grammar, stripped));

        var names = new HashMap<String, Prism4j.Grammar>();
        aliases()
                .forEach(
                        (canonical, aliases) -> {
                            var grammar = Objects.requireNonNull(byCanonicalName.get(canonical));
                            names.put(canonical, grammar);
                            aliases.forEach(alias -> names.put(alias, grammar));
                        });
        byName = Map.copyOf(names);
    }

    /** The grammar for the first word of a code block's info string, ignoring case. */
    Optional<Prism4j.Grammar> find(String language) {
        return Optional.ofNullable(byName.get(language.toLowerCase(Locale.ROOT)));
    }

    /** The name of every grammar, without its aliases: the languages a code block can be in. */
    static Set<String> canonicalNames() {
        return aliases().keySet();
    }

    private static Map<String, List<String>> aliases() {
        return Map.ofEntries(
                Map.entry(
                        "markup", List.of("html", "xml", "xhtml", "svg", "mathml", "atom", "rss")),
                Map.entry("css", List.of()),
                Map.entry("javascript", List.of("js")),
                Map.entry("java", List.of()),
                Map.entry("json", List.of("jsonc")),
                Map.entry("yaml", List.of("yml")),
                Map.entry("sql", List.of("postgresql", "postgres", "pgsql", "plpgsql")),
                Map.entry("python", List.of("py", "python3")),
                Map.entry("bash", List.of("sh", "shell", "zsh")),
                Map.entry("console", List.of("shell-session", "shellsession", "terminal")),
                Map.entry("nix", List.of()),
                Map.entry("toml", List.of()));
    }

    /**
     * Removes punctuation and operator tokens, which take half the tokenizing time and are not
     * coloured. They come last in every grammar, so the tokens before them match as they did.
     */
    private static void dropUncolouredTokens(Prism4j.Grammar grammar, Set<Prism4j.Grammar> done) {
        if (!done.add(grammar)) {
            return;
        }
        grammar.tokens()
                .removeIf(
                        token ->
                                UNCOLOURED.contains(token.name())
                                        && token.patterns().stream()
                                                .allMatch(pattern -> pattern.inside() == null));
        for (var token : grammar.tokens()) {
            for (var pattern : token.patterns()) {
                if (pattern.inside() != null) {
                    dropUncolouredTokens(pattern.inside(), done);
                }
            }
        }
    }

    private static Prism4j.Grammar bundled(Prism4j prism4j, String name) {
        return Objects.requireNonNull(prism4j.grammar(name), () -> "not bundled: " + name);
    }
}

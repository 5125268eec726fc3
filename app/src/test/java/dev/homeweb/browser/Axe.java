package dev.homeweb.browser;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.openqa.selenium.JavascriptExecutor;

/**
 * axe-core, the accessibility engine, run inside the page under test. Its script comes from npm
 * through {@code tools/axe/install}, which prints the path that Maven passes as {@code -Daxe.js}.
 */
final class Axe {
    static final String VERSION = "4.14.1";

    private static final String HOW_TO_INSTALL =
            "install it with tools/axe/install and pass the path it prints:"
                    + " mvn verify -Daxe.js=\"$(tools/axe/install)\" (./test does this)";

    private static final String RUN =
            """
            const done = arguments[arguments.length - 1];
            axe.run(document, {resultTypes: ['violations']})
              .then(r => done({
                violations: r.violations.map(v => ({
                  id: v.id, impact: String(v.impact), help: v.help, helpUrl: v.helpUrl,
                  nodes: v.nodes.map(n => ({
                    target: n.target.map(String), html: n.html,
                    summary: String(n.failureSummary)}))})),
                passes: r.passes.length,
                incomplete: r.incomplete.map(i => i.id)}))
              .catch(e => done({error: String(e && e.stack || e)}));
            """;

    private final String source;

    private Axe(String source) {
        this.source = source;
    }

    /** One rule that failed, with every element that failed it. */
    record Violation(String id, String impact, String help, String helpUrl, List<Node> nodes) {
        @Override
        public String toString() {
            return "%s (%s): %s%n  %s%n%s"
                    .formatted(
                            id,
                            impact,
                            help,
                            helpUrl,
                            nodes.stream()
                                    .map(Node::toString)
                                    .collect(Collectors.joining("\n"))
                                    .indent(2));
        }
    }

    /** An element that failed a rule, and why. */
    record Node(List<String> target, String html, String summary) {
        @Override
        public String toString() {
            return "- " + String.join(" ", target) + "\n  " + html + "\n" + summary.indent(2);
        }
    }

    /** What axe found on one page: violations, how many rules passed, which need a human. */
    record Result(List<Violation> violations, int passes, List<String> incomplete) {
        String describe() {
            return violations.stream().map(Violation::toString).collect(Collectors.joining("\n"));
        }
    }

    /**
     * The axe-core named by the system property {@code axe.js} or the environment variable {@code
     * HOME_WEB_AXE_JS}.
     *
     * @throws IllegalStateException when neither names a readable axe.min.js of {@link #VERSION}
     */
    static Axe installed() {
        var configured =
                Optional.ofNullable(System.getProperty("axe.js"))
                        .filter(p -> !p.isBlank())
                        .or(() -> Optional.ofNullable(System.getenv("HOME_WEB_AXE_JS")))
                        .filter(p -> !p.isBlank())
                        .orElseThrow(
                                () ->
                                        new IllegalStateException(
                                                "axe-core is not configured (no -Daxe.js): "
                                                        + HOW_TO_INSTALL));
        var path = Path.of(configured);
        if (!Files.isReadable(path)) {
            throw new IllegalStateException(
                    "axe-core is not at " + path + " (from -Daxe.js): " + HOW_TO_INSTALL);
        }
        try {
            var source = Files.readString(path, StandardCharsets.UTF_8);
            if (!source.startsWith("/*! axe v" + VERSION)) {
                throw new IllegalStateException(
                        path + " is not axe-core " + VERSION + ": " + HOW_TO_INSTALL);
            }
            return new Axe(source);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Runs every rule of axe's default set (WCAG 2 A and AA plus best practices) on the page. */
    Result run(JavascriptExecutor page) {
        page.executeScript(source);
        var answer = (Map<?, ?>) page.executeAsyncScript(RUN);
        if (answer.containsKey("error")) {
            throw new IllegalStateException("axe.run failed: " + answer.get("error"));
        }
        var violations =
                ((List<?>) answer.get("violations"))
                        .stream().map(v -> violation((Map<?, ?>) v)).toList();
        var incomplete =
                ((List<?>) answer.get("incomplete")).stream().map(String::valueOf).toList();
        return new Result(violations, ((Number) answer.get("passes")).intValue(), incomplete);
    }

    private static Violation violation(Map<?, ?> json) {
        var nodes =
                ((List<?>) json.get("nodes"))
                        .stream()
                                .map(n -> (Map<?, ?>) n)
                                .map(
                                        n ->
                                                new Node(
                                                        ((List<?>) n.get("target"))
                                                                .stream()
                                                                        .map(String::valueOf)
                                                                        .toList(),
                                                        String.valueOf(n.get("html")),
                                                        String.valueOf(n.get("summary"))))
                                .toList();
        return new Violation(
                String.valueOf(json.get("id")),
                String.valueOf(json.get("impact")),
                String.valueOf(json.get("help")),
                String.valueOf(json.get("helpUrl")),
                nodes);
    }
}

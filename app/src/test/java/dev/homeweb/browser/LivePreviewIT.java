package dev.homeweb.browser;

import static org.assertj.core.api.Assertions.assertThat;

import dev.homeweb.App;
import dev.homeweb.config.PreviewMode;
import dev.homeweb.testing.ContentApp;
import dev.homeweb.testing.ContentDir;
import dev.homeweb.testing.Http;
import dev.homeweb.testing.PostgresExtension;
import dev.homeweb.testing.TestDatabase;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The writer's loop in a real Chromium: {@code serve --preview} re-imports on save and the open
 * page follows by itself; a broken file shows as a banner over the last good version.
 */
@ExtendWith(PostgresExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LivePreviewIT {
    /** The promise: the open page shows the saved text within two seconds. */
    private static final Duration RELOADED = Duration.ofSeconds(2);

    /** The footer partial, its text on line 4. */
    private static final String FOOTER =
            "</main>\n<footer class=\"site-footer\">\n<p>\n%s</p>\n</footer>\n</body>\n</html>\n";

    private static final String POST = "---\ntitle: Hello preview\ndate: 2026-05-01\n---\n%s\n";

    Chromium chromium;
    ChromeDriver browser;

    @BeforeAll
    void startBrowser(@TempDir Path dir) {
        chromium = Chromium.start(dir.resolve("chromium-profile"));
        browser = chromium.driver();
    }

    @AfterAll
    void stopBrowser() {
        if (chromium != null) {
            chromium.close();
        }
    }

    @Test
    void theOpenPageShowsASavedEditAndABrokenFileAsABannerOverTheLastGoodVersion(
            TestDatabase db, @TempDir Path dir) {
        var content = new ContentDir(dir.resolve("content"));
        content.post("hello.md", POST.formatted("The first words."));
        var terminal = new StringWriter();
        try (var server = serve(db, dir, content, new PreviewMode(true, true), terminal)) {
            browser.get("http://127.0.0.1:" + server.port() + "/blog/hello");
            assertThat(text(By.cssSelector(".e-content"))).isEqualTo("The first words.");
            awaitConnected(Duration.ofSeconds(30));
            // Gone after any reload: proves the page reloaded itself, not the test.
            browser.executeScript("window.beforeTheEdit = true");

            content.post("hello.md", POST.formatted("The second words."));
            new WebDriverWait(browser, RELOADED)
                    .until(
                            ExpectedConditions.textToBe(
                                    By.cssSelector(".e-content"), "The second words."));
            assertThat(browser.executeScript("return window.beforeTheEdit === undefined"))
                    .isEqualTo(true);
            awaitConnected(Duration.ofSeconds(30));

            content.post("hello.md", "---\ntitle: [unclosed\ndate: 2026-05-01\n---\nBroken.\n");
            new WebDriverWait(browser, RELOADED)
                    .until(
                            ExpectedConditions.presenceOfElementLocated(
                                    By.cssSelector(".preview-error")));
            assertThat(text(By.cssSelector(".preview-error")))
                    .contains("hello.md")
                    .contains("last good version");
            assertThat(text(By.cssSelector(".e-content"))).isEqualTo("The second words.");
            assertThat(terminal.toString()).contains("hello.md").contains("last good version");

            content.post("hello.md", POST.formatted("The second words."));
            new WebDriverWait(browser, RELOADED)
                    .until(
                            ExpectedConditions.invisibilityOfElementLocated(
                                    By.cssSelector(".preview-error")));
        }
    }

    @Test
    void aSavedTemplateOrSiteFileRestylesTheOpenPageAndABrokenOneShowsItsFileAndLineUntilFixed(
            TestDatabase db, @TempDir Path dir) throws IOException {
        var content = new ContentDir(dir.resolve("content"));
        content.post("hello.md", POST.formatted("Some words."));
        var theme = Files.createDirectories(dir.resolve("theme"));
        var footer = theme.resolve("footer.mustache");
        Files.writeString(footer, FOOTER.formatted("First footer"));
        var terminal = new StringWriter();
        try (var server = serve(db, dir, content, new PreviewMode(true, true), terminal)) {
            browser.get("http://127.0.0.1:" + server.port() + "/blog/hello");
            assertThat(text(By.cssSelector(".site-footer"))).isEqualTo("First footer");
            awaitConnected(Duration.ofSeconds(30));
            browser.executeScript("window.beforeTheEdit = true");

            Files.writeString(footer, FOOTER.formatted("Second footer"));
            awaitText(".site-footer", "Second footer");
            assertThat(browser.executeScript("return window.beforeTheEdit === undefined"))
                    .isEqualTo(true);
            awaitConnected(Duration.ofSeconds(30));

            // A misspelled name: Mustache alone would render it as nothing.
            Files.writeString(footer, FOOTER.formatted("\n{{site.titel}}"));
            awaitBanner();
            assertThat(text(By.cssSelector(".preview-error")))
                    .contains(footer + ":5: unknown name 'site.titel'")
                    .contains("did you mean site.title?")
                    .contains("last good version");
            assertThat(text(By.cssSelector(".site-footer"))).isEqualTo("Second footer");
            assertThat(terminal.toString())
                    .contains(footer + ":5: unknown name 'site.titel'")
                    .contains("Still serving the last good theme");

            Files.writeString(footer, FOOTER.formatted("{{#site.title}}unclosed"));
            new WebDriverWait(browser, RELOADED)
                    .until(
                            ExpectedConditions.textToBePresentInElementLocated(
                                    By.cssSelector(".preview-error"), footer + ":4:"));
            assertThat(text(By.cssSelector(".site-footer"))).isEqualTo("Second footer");

            Files.writeString(footer, FOOTER.formatted("Third footer"));
            awaitText(".site-footer", "Third footer");
            awaitConnected(Duration.ofSeconds(30));
            assertThat(browser.findElements(By.cssSelector(".preview-error"))).isEmpty();
            assertThat(Http.onPort(server.port()).get("/blog/hello").body())
                    .contains("Third footer");

            // site.yaml is read again too, and shown the same way.
            Files.writeString(content.root().resolve("site.yaml"), "title: A new name\n");
            awaitText(".site-title", "A new name");
            awaitConnected(Duration.ofSeconds(30));
            Files.writeString(content.root().resolve("site.yaml"), "titel: A new name\n");
            awaitBanner();
            assertThat(text(By.cssSelector(".preview-error"))).contains("site.yaml");
            assertThat(text(By.cssSelector(".site-title"))).isEqualTo("A new name");
        }
    }

    @Test
    void thePreviewListsDraftsMarkedAsSuchUnlessToldNotToAndAllowsOnlyItsScript(
            TestDatabase db, @TempDir Path dir) {
        var content = new ContentDir(dir.resolve("content"));
        content.post("hello.md", POST.formatted("Published words."));
        content.post("idea.md", "---\ntitle: An idea\ndate: 2026-05-02\ndraft: true\n---\nSoon.\n");
        try (var server =
                serve(db, dir, content, new PreviewMode(true, true), new StringWriter())) {
            var http = Http.onPort(server.port());
            var index = http.get("/");
            assertThat(index.body())
                    .contains("/blog/idea")
                    .contains("class=\"draft-mark\"")
                    .contains("<script src=\"/_live/reload.js\"");
            assertThat(index.headers().firstValue("Content-Security-Policy").orElseThrow())
                    .endsWith("; script-src 'self'")
                    .doesNotContain("unsafe-inline");
            assertThat(http.get("/blog/idea").body()).contains("class=\"draft-notice\"");
            var script = http.get("/_live/reload.js");
            assertThat(script.statusCode()).isEqualTo(200);
            assertThat(script.headers().firstValue("Content-Type").orElseThrow())
                    .startsWith("text/javascript");
        }
        try (var server =
                serve(db, dir, content, new PreviewMode(true, false), new StringWriter())) {
            var http = Http.onPort(server.port());
            assertThat(http.get("/").body()).contains("/blog/hello").doesNotContain("/blog/idea");
            assertThat(http.get("/blog/idea").statusCode()).isEqualTo(404);
        }
    }

    private void awaitText(String css, String expected) {
        new WebDriverWait(browser, RELOADED)
                .until(ExpectedConditions.textToBe(By.cssSelector(css), expected));
    }

    private void awaitBanner() {
        new WebDriverWait(browser, RELOADED)
                .until(
                        ExpectedConditions.presenceOfElementLocated(
                                By.cssSelector(".preview-error")));
    }

    private void awaitConnected(Duration patience) {
        awaitConnected(browser, patience);
    }

    /** Waits until the page's reload script has its event stream: a save from now on is seen. */
    static void awaitConnected(ChromeDriver browser, Duration patience) {
        new WebDriverWait(browser, patience)
                .until(
                        d ->
                                "connected"
                                        .equals(
                                                browser.executeScript(
                                                        "return document.documentElement"
                                                                + ".dataset.livePreview")));
    }

    private String text(By by) {
        return browser.findElement(by).getText();
    }

    private static App.Server serve(
            TestDatabase db, Path dir, ContentDir content, PreviewMode mode, StringWriter out) {
        db.migrate();
        return ContentApp.of(db, dir, content, Map.of(), out).serve(mode);
    }
}

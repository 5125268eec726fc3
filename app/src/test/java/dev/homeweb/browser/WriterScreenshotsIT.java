package dev.homeweb.browser;

import static org.assertj.core.api.Assertions.assertThat;

import dev.homeweb.config.PreviewMode;
import dev.homeweb.testing.ContentApp;
import dev.homeweb.testing.ContentDir;
import dev.homeweb.testing.PostgresExtension;
import dev.homeweb.testing.TestDatabase;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringWriter;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The writer's side as the README shows it: the repository's sample blog in {@code serve
 * --preview}, photographed by the real Chromium. Each picture is taken only once its page shows
 * what the picture is for. Written to {@code target/screenshots/writer/}, or to the folder named by
 * {@code -Dhomeweb.docs.screenshots} (the README's command for {@code docs/screenshots/}).
 */
@ExtendWith(PostgresExtension.class)
class WriterScreenshotsIT {
    /** The window, not the whole page: enough to see the point, small enough for the repository. */
    private static final Chromium.Viewport WINDOW =
            new Chromium.Viewport("writer", 960, 640, false);

    private static final String DRAFT =
            "---\ntitle: A post not out yet\ndate: 2026-12-01\ndraft: true\n"
                    + "summary: Seen only at its private preview address.\n---\n"
                    + "This draft is not listed, not in the feeds and not in search; the import"
                    + " printed its preview address, which is served with noindex.\n";

    @Test
    void photographsTheHomePageAPostWithAPictureADraftPreviewAndAThemeError(
            TestDatabase db, @TempDir Path dir) throws IOException {
        db.migrate();
        var content = new ContentDir(dir.resolve("content"));
        SampleSite.copyFolder(Path.of(System.getProperty("homeweb.content")), content.root());
        content.post("coming-soon.md", DRAFT);
        var footer = Files.createDirectories(dir.resolve("theme")).resolve("footer.mustache");
        var app = ContentApp.of(db, dir, content, Map.of(), new StringWriter());
        var preview = URI.create(app.importContent().previews().get(0).url()).getPath();
        var out = target();
        try (var server = app.serve(new PreviewMode(true, false));
                var chromium = Chromium.start(dir.resolve("chromium-profile"))) {
            var browser = chromium.driver();
            chromium.viewport(WINDOW);
            chromium.colorScheme(Chromium.ColorScheme.LIGHT);
            var base = "http://127.0.0.1:" + server.port();

            browser.get(base + "/");
            assertThat(browser.findElements(By.cssSelector(".posts li"))).isNotEmpty();
            shot(chromium, out.resolve("writer-home.png"));

            browser.get(base + "/blog/files-beside-posts");
            var picture = browser.findElement(By.cssSelector(".e-content img"));
            assertThat(picture.getAttribute("width")).isNotBlank();
            browser.executeScript("arguments[0].scrollIntoView({block: 'center'})", picture);
            shot(chromium, out.resolve("writer-post-with-image.png"));

            browser.get(base + preview);
            assertThat(browser.findElement(By.cssSelector(".draft-notice")).getText())
                    .contains("Draft");
            shot(chromium, out.resolve("writer-draft-preview.png"));

            browser.get(base + "/blog/files-beside-posts");
            LivePreviewIT.awaitConnected(browser, Duration.ofSeconds(30));
            Files.writeString(footer, "</main>\n<footer>\n<p>{{site.titel}}</p>\n</footer>\n");
            new WebDriverWait(browser, Duration.ofSeconds(5))
                    .until(
                            ExpectedConditions.textToBePresentInElementLocated(
                                    By.cssSelector(".preview-error"), "did you mean site.title?"));
            shot(chromium, out.resolve("writer-preview-error.png"));
        }
    }

    private static Path target() throws IOException {
        var given = System.getProperty("homeweb.docs.screenshots");
        return Files.createDirectories(
                given != null ? Path.of(given) : Path.of("target/screenshots/writer"));
    }

    /** Saves the window as a PNG, and checks that it is one, of the window's size. */
    private static void shot(Chromium chromium, Path file) throws IOException {
        var png = chromium.driver().getScreenshotAs(OutputType.BYTES);
        var image = ImageIO.read(new ByteArrayInputStream(png));
        assertThat(image.getWidth()).isEqualTo(WINDOW.width());
        assertThat(image.getHeight()).isEqualTo(WINDOW.height());
        Files.write(file, png);
        System.out.println("screenshot: " + file.toAbsolutePath() + " (" + png.length + " bytes)");
    }
}

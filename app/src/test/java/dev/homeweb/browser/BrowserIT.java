package dev.homeweb.browser;

import static org.assertj.core.api.Assertions.assertThat;

import dev.homeweb.browser.Chromium.ColorScheme;
import dev.homeweb.browser.Chromium.Viewport;
import dev.homeweb.testing.PostgresExtension;
import dev.homeweb.testing.TestDatabase;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A reader's visit in a real headless Chromium: index, post, tag, search and the 404 page, with
 * screenshots, and axe-core finding no accessibility violation in either colour scheme.
 */
@ExtendWith(PostgresExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BrowserIT {
    private static final Path SCREENSHOTS =
            Path.of(System.getProperty("homeweb.screenshots", "target/screenshots"));

    Axe axe;
    Chromium chromium;
    ChromeDriver browser;
    SampleSite site;

    @BeforeAll
    void start(TestDatabase db, @TempDir Path dir) {
        // The missing prerequisites fail first and fast, before a database is made.
        axe = Axe.installed();
        chromium = Chromium.start(dir.resolve("chromium-profile"));
        browser = chromium.driver();
        site = SampleSite.start(db, dir);
    }

    @AfterAll
    void stop() {
        if (chromium != null) {
            chromium.close();
        }
        if (site != null) {
            site.close();
        }
    }

    @BeforeEach
    void desktopInLightColours() {
        chromium.viewport(Viewport.DESKTOP);
        chromium.colorScheme(ColorScheme.LIGHT);
    }

    @Test
    void readerGoesFromTheIndexToAPostAndOnToOneOfItsTags() {
        open("/");
        assertThat(browser.getTitle()).isEqualTo("Posts · " + SampleSite.TITLE);
        assertThat(text(By.tagName("h1"))).isEqualTo("Posts");
        assertThat(browser.findElements(By.cssSelector("ol.posts > li"))).hasSize(10);
        screenshot("index-desktop-light");

        browser.findElement(By.linkText("Everything a post can contain")).click();
        waitForPath("/blog/" + SampleSite.SHOWCASE_SLUG);
        assertThat(text(By.cssSelector("article h1"))).isEqualTo("Everything a post can contain");
        assertThat(browser.findElement(By.cssSelector(".e-content table")).isDisplayed()).isTrue();
        assertThat(browser.findElements(By.cssSelector(".e-content table th")))
                .extracting(WebElement::getText)
                .containsExactly("Setting", "Default", "Meaning");
        assertThat(browser.findElements(By.cssSelector(".e-content pre > code")))
                .extracting(code -> code.getAttribute("class"))
                .containsExactly("language-java", "language-sql", "language-sh");
        assertThat(text(By.cssSelector("p.meta"))).contains("min read");
        assertThat(browser.findElements(By.cssSelector("ul.tags a")))
                .extracting(WebElement::getText)
                .containsExactlyInAnyOrder("markdown", "writing", "postgresql");
        screenshot("post-desktop-light");

        browser.findElement(By.linkText("postgresql")).click();
        waitForPath("/tags/postgresql");
        assertThat(text(By.tagName("h1"))).isEqualTo("Posts tagged “postgresql”");
        assertThat(browser.findElements(By.cssSelector("ol.posts h2")))
                .extracting(WebElement::getText)
                .containsExactly(
                        "Everything a post can contain",
                        "Ranking search results with PostgreSQL",
                        "Backups with pg_dump and age",
                        "Why migrations are append-only");
        screenshot("tag-desktop-light");
    }

    @Test
    void olderPostsLinkLeadsToThePageTwoAndBack() {
        open("/");

        browser.findElement(By.cssSelector("a[rel=next]")).click();
        waitForPath("/page/2");
        assertThat(text(By.tagName("h1"))).isEqualTo("Posts (page 2 of 2)");
        // Ten to a page: the second holds the rest, however many sample posts content/ has.
        assertThat(browser.findElements(By.cssSelector("ol.posts > li")))
                .hasSize(site.slugs().size() - 10);
        assertThat(text(By.cssSelector("ol.posts > li:last-child h2"))).isEqualTo("Hello, world");
        screenshot("index-page-2-desktop-light");

        browser.findElement(By.cssSelector("a[rel=prev]")).click();
        waitForPath("/");
        assertThat(text(By.tagName("h1"))).isEqualTo("Posts");
    }

    @Test
    void searchTypedInTheHeaderAndSentWithEnterShowsMarkedResults() {
        open("/blog/hello-world");

        browser.findElement(By.id("site-search-q")).sendKeys("rollback", Keys.ENTER);
        waitForPath("/search");
        assertThat(browser.getCurrentUrl()).endsWith("/search?q=rollback");
        assertThat(text(By.tagName("h1"))).isEqualTo("Search");
        assertThat(browser.findElement(By.id("search-page-q")).getAttribute("value"))
                .isEqualTo("rollback");
        assertThat(browser.findElements(By.cssSelector(".search-results h2")))
                .extracting(WebElement::getText)
                .containsExactly("How deployment works");
        assertThat(browser.findElements(By.cssSelector(".search-results mark")))
                .extracting(WebElement::getText)
                .isNotEmpty()
                .allSatisfy(word -> assertThat(word).isEqualToIgnoringCase("rollback"));
        screenshot("search-desktop-light");

        browser.findElement(By.linkText("How deployment works")).click();
        waitForPath("/blog/how-deployment-works");
        assertThat(text(By.cssSelector("article h1"))).isEqualTo("How deployment works");
    }

    @Test
    void searchPageFormSentWithItsButtonListsEveryMatchingPost() {
        open("/search");
        assertThat(text(By.cssSelector("main p"))).contains("Type a few words");

        browser.findElement(By.id("search-page-q")).sendKeys("systemd");
        browser.findElement(By.cssSelector("main form button[type=submit]")).click();
        waitForPath("/search");

        assertThat(browser.getCurrentUrl()).endsWith("/search?q=systemd");
        assertThat(browser.findElements(By.cssSelector(".search-results h2")))
                .extracting(WebElement::getText)
                .contains("A systemd unit for a Java service", "How deployment works");
        assertThat(text(By.cssSelector("main > p")))
                .matches("\\d+ posts match( \\(showing the best\\))?\\.");
    }

    @Test
    void unknownAddressShowsTheNotFoundPageAndItsSearchWorks() {
        open("/nope");
        assertThat(browser.getTitle()).isEqualTo("Page not found · " + SampleSite.TITLE);
        assertThat(text(By.tagName("h1"))).isEqualTo("Page not found");
        screenshot("not-found-desktop-light");

        browser.findElement(By.id("notfound-q")).sendKeys("xyzzy", Keys.ENTER);
        waitForPath("/search");
        assertThat(text(By.cssSelector("main > p"))).isEqualTo("No posts match xyzzy.");
    }

    @Test
    void skipLinkIsTheFirstTabStopAndMovesFocusToTheContent() {
        open("/");

        browser.findElement(By.tagName("body")).sendKeys(Keys.TAB);
        var skipLink = browser.switchTo().activeElement();
        assertThat(skipLink.getText()).isEqualTo("Skip to content");
        assertThat(skipLink.getRect().getX()).as("visible when focused").isGreaterThanOrEqualTo(0);

        skipLink.sendKeys(Keys.ENTER);
        assertThat(browser.switchTo().activeElement().getAttribute("id")).isEqualTo("main");
    }

    static List<Arguments> pagesInBothColourSchemes() {
        var cases = new ArrayList<Arguments>();
        for (var page :
                List.of(
                        SitePage.INDEX,
                        SitePage.POST,
                        SitePage.TAG,
                        SitePage.SEARCH_RESULTS,
                        SitePage.NOT_FOUND)) {
            for (var scheme : ColorScheme.values()) {
                cases.add(Arguments.of(page, scheme));
            }
        }
        return cases;
    }

    @ParameterizedTest(name = "{0} in {1}")
    @MethodSource("pagesInBothColourSchemes")
    void axeFindsNoAccessibilityViolations(SitePage page, ColorScheme scheme) {
        chromium.colorScheme(scheme);
        open(page.path());
        assertThat(pageBackground())
                .as("the %s palette is in use", scheme)
                .isEqualTo(scheme == ColorScheme.DARK ? "rgb(21, 24, 28)" : "rgb(253, 253, 252)");

        var result = axe.run(browser);

        System.out.printf(
                "axe %s: %-15s %-5s %d violations, %d rules passed, needs review: %s%n",
                Axe.VERSION,
                page.label(),
                scheme.cssValue(),
                result.violations().size(),
                result.passes(),
                result.incomplete().isEmpty() ? "none" : result.incomplete());
        if (!result.violations().isEmpty()) {
            System.out.println(result.describe());
        }
        assertThat(result.violations()).as(result.describe()).isEmpty();
    }

    static List<Arguments> readingLayouts() {
        var cases = new ArrayList<Arguments>();
        for (var page : List.of(SitePage.INDEX, SitePage.POST)) {
            for (var viewport : List.of(Viewport.PHONE, Viewport.DESKTOP)) {
                for (var scheme : ColorScheme.values()) {
                    cases.add(Arguments.of(page, viewport, scheme));
                }
            }
        }
        return cases;
    }

    @ParameterizedTest(name = "{0} on a {1} in {2}")
    @MethodSource("readingLayouts")
    void pageFitsTheScreenWithoutSidewaysScrolling(
            SitePage page, Viewport viewport, ColorScheme scheme) {
        chromium.viewport(viewport);
        chromium.colorScheme(scheme);
        open(page.path());

        var widths =
                (List<?>)
                        script("return [document.documentElement.scrollWidth, window.innerWidth];");
        screenshot(page.label() + "-" + viewport.name() + "-" + scheme.cssValue());
        assertThat(((Number) widths.get(0)).intValue())
                .as("page width on a %d px wide %s", viewport.width(), viewport.name())
                .isLessThanOrEqualTo(((Number) widths.get(1)).intValue());
    }

    private void open(String path) {
        browser.get(site.url(path));
    }

    private void waitForPath(String path) {
        var wait = new WebDriverWait(browser, Duration.ofSeconds(30));
        wait.until(
                ExpectedConditions.urlMatches("^" + Pattern.quote(site.url(path)) + "(\\?.*)?$"));
        wait.until(driver -> "complete".equals(script("return document.readyState")));
    }

    private Object script(String javaScript) {
        return browser.executeScript(javaScript);
    }

    private String text(By by) {
        return browser.findElement(by).getText();
    }

    private String pageBackground() {
        return (String) script("return getComputedStyle(document.body).backgroundColor;");
    }

    private void screenshot(String name) {
        var file = chromium.screenshot(SCREENSHOTS.resolve(name + ".png"));
        System.out.println("screenshot: " + file.toAbsolutePath());
    }
}

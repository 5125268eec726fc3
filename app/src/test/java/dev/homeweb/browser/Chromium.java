package dev.homeweb.browser;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * Debian's Chromium, headless and offline, driven through Debian's chromedriver: never a browser or
 * driver that Selenium Manager would download.
 */
final class Chromium implements AutoCloseable {
    private static final List<String> FLAGS =
            List.of(
                    "--headless=new",
                    "--no-sandbox",
                    "--disable-gpu",
                    "--disable-dev-shm-usage",
                    "--disable-background-networking",
                    "--disable-component-update",
                    "--disable-sync",
                    "--no-first-run",
                    "--hide-scrollbars",
                    "--window-size=1280,900");

    /** A light or dark preference, as the operating system would announce it. */
    enum ColorScheme {
        LIGHT,
        DARK;

        String cssValue() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    /** The size of the screen the page is laid out for; phones also honour the viewport meta. */
    record Viewport(String name, int width, int height, boolean mobile) {
        static final Viewport PHONE = new Viewport("phone", 390, 844, true);
        static final Viewport DESKTOP = new Viewport("desktop", 1280, 900, false);

        @Override
        public String toString() {
            return name;
        }
    }

    private final ChromeDriver driver;

    private Chromium(ChromeDriver driver) {
        this.driver = driver;
    }

    /**
     * Starts Chromium with a fresh profile in {@code profileDir}.
     *
     * @throws IllegalStateException when Chromium or its driver is not installed
     */
    static Chromium start(Path profileDir) {
        var binary = installed("homeweb.chromium", "/usr/bin/chromium", "chromium");
        var driverBinary =
                installed("webdriver.chrome.driver", "/usr/bin/chromedriver", "chromium-driver");
        var service =
                new ChromeDriverService.Builder()
                        .usingDriverExecutable(driverBinary.toFile())
                        .usingAnyFreePort()
                        .build();
        var options = new ChromeOptions();
        options.setBinary(binary.toFile());
        options.addArguments(FLAGS);
        options.addArguments("--user-data-dir=" + profileDir.toAbsolutePath());
        var driver = new ChromeDriver(service, options);
        // The machines that run these tests are often busy: be patient rather than flaky.
        driver.manage()
                .timeouts()
                .pageLoadTimeout(Duration.ofSeconds(60))
                .scriptTimeout(Duration.ofSeconds(60));
        return new Chromium(driver);
    }

    private static Path installed(String property, String defaultPath, String debianPackage) {
        var path = Path.of(System.getProperty(property, defaultPath));
        if (!Files.isExecutable(path)) {
            throw new IllegalStateException(
                    path
                            + " is missing, so the browser tests cannot run: tools/prerequisites"
                            + " installs it (Debian packages chromium and chromium-driver; this one"
                            + " is in "
                            + debianPackage
                            + "), or set -D"
                            + property
                            + "=/path/to/it");
        }
        return path;
    }

    ChromeDriver driver() {
        return driver;
    }

    void colorScheme(ColorScheme scheme) {
        driver.executeCdpCommand(
                "Emulation.setEmulatedMedia",
                Map.of(
                        "features",
                        List.of(
                                Map.of(
                                        "name",
                                        "prefers-color-scheme",
                                        "value",
                                        scheme.cssValue()))));
    }

    void viewport(Viewport viewport) {
        driver.executeCdpCommand(
                "Emulation.setDeviceMetricsOverride",
                Map.of(
                        "width", viewport.width(),
                        "height", viewport.height(),
                        "deviceScaleFactor", 1,
                        "mobile", viewport.mobile()));
    }

    /** Saves a PNG of the whole page, not only the part in the window, and returns its path. */
    Path screenshot(Path file) {
        var metrics = driver.executeCdpCommand("Page.getLayoutMetrics", Map.of());
        var content = (Map<?, ?>) metrics.get("cssContentSize");
        var clip =
                Map.of(
                        "x", 0,
                        "y", 0,
                        "width", ((Number) content.get("width")).doubleValue(),
                        "height", ((Number) content.get("height")).doubleValue(),
                        "scale", 1);
        var shot =
                driver.executeCdpCommand(
                        "Page.captureScreenshot",
                        Map.of("format", "png", "captureBeyondViewport", true, "clip", clip));
        try {
            Files.createDirectories(file.getParent());
            Files.write(file, Base64.getDecoder().decode((String) shot.get("data")));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return file;
    }

    @Override
    public void close() {
        driver.quit();
    }
}

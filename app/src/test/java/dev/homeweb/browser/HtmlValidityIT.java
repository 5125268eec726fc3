package dev.homeweb.browser;

import static org.assertj.core.api.Assertions.assertThat;

import dev.homeweb.testing.Http;
import dev.homeweb.testing.PostgresExtension;
import dev.homeweb.testing.TestDatabase;
import java.nio.file.Path;
import java.util.ArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Every kind of page passes the Nu Html Checker with zero errors. Warnings are printed, not failed
 * on: they are advice, and some depend on the checker's version.
 */
@ExtendWith(PostgresExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class HtmlValidityIT {
    SampleSite site;
    Http http;
    HtmlChecker checker;

    @BeforeAll
    void start(TestDatabase db, @TempDir Path dir) {
        site = SampleSite.start(db, dir);
        http = site.http();
        checker = new HtmlChecker();
    }

    @AfterAll
    void stop() {
        if (site != null) {
            site.close();
        }
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(SitePage.class)
    void pageHasNoHtmlErrors(SitePage page) {
        var report = checkedPage(page.label(), page.path(), page.status());

        assertThat(report.errors()).as(report.describe(report.errors())).isEmpty();
    }

    @Test
    void everyPostPageHasNoHtmlErrors() {
        var failures = new ArrayList<String>();
        for (var slug : site.slugs()) {
            var report = checkedPage("post " + slug, "/blog/" + slug, 200);
            if (!report.errors().isEmpty()) {
                failures.add("/blog/" + slug + ":\n" + report.describe(report.errors()));
            }
        }

        assertThat(failures).as(String.join("\n", failures)).isEmpty();
    }

    private HtmlChecker.Report checkedPage(String label, String path, int status) {
        var response = http.get(path);
        assertThat(response.statusCode()).as(path).isEqualTo(status);
        var report = checker.check(response.body());
        System.out.printf(
                "Nu Html Checker: %-40s %s: %d errors, %d warnings%n",
                label, path, report.errors().size(), report.warnings().size());
        if (!report.warnings().isEmpty()) {
            System.out.println(report.describe(report.warnings()).indent(4));
        }
        return report;
    }
}

package dev.homeweb.browser;

/** The kinds of page a reader meets, each at one address of the {@link SampleSite}. */
enum SitePage {
    INDEX("/", 200),
    INDEX_PAGE_2("/page/2", 200),
    POST("/blog/" + SampleSite.SHOWCASE_SLUG, 200),
    TAG("/tags/postgresql", 200),
    SEARCH_RESULTS("/search?q=rollback", 200),
    SEARCH_FORM("/search", 200),
    SEARCH_NO_MATCH("/search?q=xyzzy", 200),
    NOT_FOUND("/nope", 404);

    private final String path;
    private final int status;

    SitePage(String path, int status) {
        this.path = path;
        this.status = status;
    }

    String path() {
        return path;
    }

    int status() {
        return status;
    }

    /** A short lower-case name for test output and screenshot files, such as "index-page-2". */
    String label() {
        return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    }
}

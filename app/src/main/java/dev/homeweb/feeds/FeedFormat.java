package dev.homeweb.feeds;

/** The syndication formats the site publishes, with the file name each has under a scope. */
public enum FeedFormat {
    ATOM("Atom", "atom.xml", "application/atom+xml", "application/atom+xml; charset=utf-8"),
    RSS("RSS", "rss.xml", "application/rss+xml", "application/rss+xml; charset=utf-8"),
    // JSON is UTF-8 by definition (RFC 8259): a charset parameter would mean nothing.
    JSON_FEED("JSON Feed", "feed.json", "application/feed+json", "application/feed+json");

    private final String label;
    private final String fileName;
    private final String mediaType;
    private final String contentType;

    FeedFormat(String label, String fileName, String mediaType, String contentType) {
        this.label = label;
        this.fileName = fileName;
        this.mediaType = mediaType;
        this.contentType = contentType;
    }

    /** The format's name as a reader knows it: {@code Atom}, {@code RSS}, {@code JSON Feed}. */
    public String label() {
        return label;
    }

    /** The last path segment of this format's feed, such as {@code atom.xml}. */
    public String fileName() {
        return fileName;
    }

    /** The bare media type, for the {@code type} attribute of an autodiscovery link. */
    public String mediaType() {
        return mediaType;
    }

    /** The {@code Content-Type} header value to serve the feed with. */
    public String contentType() {
        return contentType;
    }
}

package dev.homeweb.feeds;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.google.gson.Strictness;
import com.google.gson.stream.JsonReader;
import com.rometools.rome.feed.WireFeed;
import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.io.FeedException;
import com.rometools.rome.io.SyndFeedInput;
import com.rometools.rome.io.WireFeedInput;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.w3c.dom.Document;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;

/** Independent readers for what the writers produce, each fed the served bytes. */
final class FeedReaders {
    private FeedReaders() {}

    /**
     * Parses with ROME, its XML healer off so that malformed input fails instead of being fixed.
     */
    static SyndFeed rome(TextDocument document) {
        var input = new SyndFeedInput(false, Locale.ROOT);
        input.setXmlHealerOn(false);
        try {
            return input.build(new InputSource(new ByteArrayInputStream(document.bytes())));
        } catch (FeedException e) {
            throw new AssertionError("ROME rejected the feed: " + e.getMessage(), e);
        }
    }

    /** Parses with ROME into the format's own model, for what the common model leaves out. */
    static WireFeed romeWire(TextDocument document) {
        var input = new WireFeedInput(false, Locale.ROOT);
        input.setXmlHealerOn(false);
        try {
            return input.build(new InputSource(new ByteArrayInputStream(document.bytes())));
        } catch (FeedException e) {
            throw new AssertionError("ROME rejected the feed: " + e.getMessage(), e);
        }
    }

    /** Parses with the JDK's namespace-aware XML parser, which rejects anything not well-formed. */
    static Document xml(TextDocument document) {
        try {
            var factory = DocumentBuilderFactory.newInstance();
            factory.setNamespaceAware(true);
            var builder = factory.newDocumentBuilder();
            return builder.parse(new ByteArrayInputStream(document.bytes()));
        } catch (ParserConfigurationException | SAXException | IOException e) {
            throw new AssertionError("not well-formed XML: " + e.getMessage(), e);
        }
    }

    /** Parses with Gson in strict mode. */
    static JsonObject json(TextDocument document) {
        var reader =
                new InputStreamReader(
                        new ByteArrayInputStream(document.bytes()), StandardCharsets.UTF_8);
        var json = new JsonReader(reader);
        json.setStrictness(Strictness.STRICT);
        return JsonParser.parseReader(json).getAsJsonObject();
    }
}

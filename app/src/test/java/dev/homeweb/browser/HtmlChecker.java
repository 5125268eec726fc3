package dev.homeweb.browser;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.Collectors;
import nu.validator.client.EmbeddedValidator;
import org.xml.sax.SAXException;

/** The Nu Html Checker, in-process and offline: the same checks as validator.w3.org/nu. */
final class HtmlChecker {
    private final EmbeddedValidator validator = new EmbeddedValidator();

    HtmlChecker() {
        validator.setOutputFormat(EmbeddedValidator.OutputFormat.JSON);
        validator.setForceHTML(true);
    }

    /** One message of the checker: an error, a warning or an info. */
    record Message(
            String type, String subType, String text, long line, long column, String extract) {
        static Message from(JsonObject json) {
            return new Message(
                    json.getString("type", ""),
                    json.getString("subType", ""),
                    json.getString("message", ""),
                    json.getJsonNumber("lastLine") == null ? 0 : json.getInt("lastLine"),
                    json.getJsonNumber("firstColumn") == null ? 0 : json.getInt("firstColumn"),
                    json.getString("extract", ""));
        }

        /** Errors, fatal errors and documents the checker could not read at all. */
        boolean isError() {
            return type.equals("error") || type.equals("non-document-error");
        }

        boolean isWarning() {
            return type.equals("info") && subType.equals("warning");
        }

        @Override
        public String toString() {
            var kind = isWarning() ? "warning" : subType.isEmpty() ? type : type + "/" + subType;
            return "%s at line %d, column %d: %s%n    %s"
                    .formatted(kind, line, column, text, extract.strip().replace("\n", "↩"));
        }
    }

    /** Everything the checker said about one document. */
    record Report(List<Message> messages) {
        List<Message> errors() {
            return messages.stream().filter(Message::isError).toList();
        }

        List<Message> warnings() {
            return messages.stream().filter(Message::isWarning).toList();
        }

        String describe(List<Message> selected) {
            return selected.stream().map(Message::toString).collect(Collectors.joining("\n"));
        }
    }

    Report check(String html) {
        String json;
        try {
            json =
                    validator.validate(
                            new ByteArrayInputStream(html.getBytes(StandardCharsets.UTF_8)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (SAXException e) {
            throw new IllegalStateException("the Nu Html Checker failed: " + e.getMessage(), e);
        }
        try (var reader = Json.createReader(new StringReader(json))) {
            var messages =
                    reader.readObject().getJsonArray("messages").getValuesAs(JsonObject.class);
            return new Report(messages.stream().map(Message::from).toList());
        }
    }
}

package dev.homeweb.feeds;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.gson.JsonParser;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JsonTest {
    @Test
    void escapesQuotesBackslashesAndLineBreaks() {
        assertThat(Json.quote("say \"hi\" \\ to\tC:\\ \r\n"))
                .isEqualTo("\"say \\\"hi\\\" \\\\ to\\tC:\\\\ \\r\\n\"");
    }

    @Test
    void escapesJavaScriptLineSeparatorsButNotSlashesOrHtml() {
        assertThat(Json.quote("a\u2028b\u2029c </p> & é 😀"))
                .isEqualTo("\"a\\u2028b\\u2029c </p> & é 😀\"");
    }

    @Test
    void dropsControlCharactersAndUnpairedSurrogates() {
        assertThat(Json.quote("a\u0000b\u0008c\u000cd\u001fe\u007ff\uD83Dg"))
                .isEqualTo("\"abcdefg\"");
    }

    @Test
    void everyStringParsesBackUnchangedAfterCleaning() {
        var nasty = "\"\\/\b\f\n\r\t\u0001 ünï 🐟 \u2028 {}[]:,";
        var parsed = JsonParser.parseString(Json.quote(nasty)).getAsString();

        assertThat(parsed).isEqualTo("\"\\/\n\r\t ünï 🐟 \u2028 {}[]:,");
    }

    @Test
    void writesNestedMapsAndListsIndentedInInsertionOrder() {
        var inner = new LinkedHashMap<String, Object>();
        inner.put("z", "1");
        inner.put("a", List.of());
        var root = new LinkedHashMap<String, Object>();
        root.put("b", List.of("x", inner));
        root.put("a", Map.of());

        assertThat(Json.write(root))
                .isEqualTo(
                        """
                        {
                          "b": [
                            "x",
                            {
                              "z": "1",
                              "a": []
                            }
                          ],
                          "a": {}
                        }
                        """);
    }

    @Test
    void refusesValuesItCannotWrite() {
        assertThatThrownBy(() -> Json.write(List.of(1)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("cannot write java.lang.Integer as JSON");
    }
}

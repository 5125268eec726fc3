package dev.homeweb.content;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class WordCountTest {
    /** The regular expressions the count replaced: it must agree with them on every text. */
    static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}]+(?:['’][\\p{L}]+)?");

    static final Pattern CODE_FENCE = Pattern.compile("```[\\s\\S]*?```");

    static int byRegex(String markdown) {
        var matcher = WORD.matcher(CODE_FENCE.matcher(markdown).replaceAll(" "));
        int count = 0;
        while (matcher.find()) {
            count++;
        }
        return count;
    }

    @Test
    void countsWordsOutsideFencedCode() {
        assertThat(WordCount.of("It's a post.\n\n```sh\necho one two\n```\nafter ½ and Ⅻ"))
                .isEqualTo(7);
    }

    @Test
    void anUnclosedFenceCountsAsText() {
        assertThat(WordCount.of("one ```two three")).isEqualTo(3);
    }

    @Test
    void agreesWithTheRegularExpressionsOnRandomText() {
        // Characters where the two could part: apostrophes, fences, digits of other scripts,
        // letters outside the BMP, an unpaired surrogate, marks that are neither letter nor digit.
        String[] pieces = {
            "a",
            "Z",
            "é",
            "日",
            "9",
            "٣",
            "½",
            "Ⅻ",
            "'",
            "’",
            "`",
            "```",
            " ",
            "\n",
            "-",
            ".",
            "\uD835\uDC00",
            "\uD835",
            "\u0301",
            "_",
            "x'y",
            "’s"
        };
        for (var markdown : RandomTexts.of(pieces)) {
            assertThat(WordCount.of(markdown)).as(markdown).isEqualTo(byRegex(markdown));
        }
    }
}

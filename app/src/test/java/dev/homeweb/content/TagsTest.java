package dev.homeweb.content;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TagsTest {
    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource(
            delimiter = '|',
            value = {
                "Java 17       | java-17",
                "Café          | cafe",
                "C             | c",
                "C++           | c-plus-plus",
                "C#            | c-sharp",
                "Node.js       | node-js",
                "日本語         | %E6%97%A5%E6%9C%AC%E8%AA%9E",
                "Русский язык  | %D1%80%D1%83%D1%81%D1%81%D0%BA%D0%B8%D0%B9-%D1%8F%D0%B7%D1%8B%D0%BA",
                // A vowel sign is part of a Devanagari letter: kept, not stripped like an accent.
                "हिन्दी          | %E0%A4%B9%E0%A4%BF%E0%A4%A8%E0%A5%8D%E0%A4%A6%E0%A5%80",
                "--!!--        | ''",
            })
    void slugKeepsLettersOfEveryScriptAndSpellsOutPlusAndSharp(String tag, String slug) {
        assertThat(Tags.slug(tag)).isEqualTo(slug);
    }
}

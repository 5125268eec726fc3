package dev.homeweb.content;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ImagesTest {
    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            value = {
                "<svg width=\"200\" height=\"100\" viewBox=\"0 0 20 10\">|200|100",
                "<svg width='64px' height='32px'>|64|32",
                "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 120.4 80\">|120|80",
                "<svg width=\"100%\" height=\"100%\" viewBox=\"0,0,30,40\">|30|40",
            })
    void anSvgGivesItsSizeFromItsAttributesElseItsViewBox(String tag, int width, int height) {
        var svg = ("<?xml version=\"1.0\"?>\n" + tag + "</svg>").getBytes(StandardCharsets.UTF_8);

        assertThat(Images.svgSize(svg)).hasValue(new Images.Size(width, height));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            value = {"<svg width=\"10em\" height=\"5em\">", "<svg>", "not an svg"})
    void anSvgWithoutPixelsOrViewBoxHasNoSize(String text) {
        assertThat(Images.svgSize(text.getBytes(StandardCharsets.UTF_8)))
                .isEqualTo(Optional.empty());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            value = {
                "photo.png|photo-672w.png",
                "shots/big photo.jpeg|big photo-672w.jpeg",
                "noext|noext-672w"
            })
    void aCopyIsNamedAfterItsWidth(String name, String copy) {
        assertThat(PostFiles.copyName(name, 672)).isEqualTo(copy);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            value = {"my%20photo.png|my photo.png", "caf%C3%A9.png|café.png", "100%.png|100%.png"})
    void aPercentEncodedReferenceNamesTheFile(String written, String name) {
        assertThat(PostFiles.decode(written)).isEqualTo(name);
    }
}

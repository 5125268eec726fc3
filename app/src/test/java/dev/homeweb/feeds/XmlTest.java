package dev.homeweb.feeds;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class XmlTest {
    @Test
    void escapesMarkupInText() {
        assertThat(Xml.text("a < b && c > \"d\" 'e'"))
                .isEqualTo("a &lt; b &amp;&amp; c &gt; \"d\" 'e'");
    }

    @Test
    void escapesQuotesAndWhitespaceInAttributes() {
        assertThat(Xml.attribute("say \"hi\"\tthen\nbye\r"))
                .isEqualTo("say &quot;hi&quot;&#9;then&#10;bye&#13;");
    }

    @Test
    void keepsCarriageReturnsInTextAsReferences() {
        assertThat(Xml.text("a\r\nb\tc")).isEqualTo("a&#13;\nb\tc");
    }

    @Test
    void dropsControlsUnpairedSurrogatesAndNonCharacters() {
        assertThat(
                        Xml.text(
                                "a\u0000b\u0008c\u001fd\u007fe\u0080f\u009fg\uD800h\uDC00i\uFFFEj\uFFFF"))
                .isEqualTo("abcdefghij");
    }

    @Test
    void keepsEmojiAndOtherAstralCharactersWhole() {
        assertThat(Xml.text("🐟 𝄞 “x”")).isEqualTo("🐟 𝄞 “x”");
    }

    @Test
    void writerIndentsNestedElementsAndRefusesUnclosedOnes() {
        var xml = new XmlWriter().start("a", "k", "v&").element("b", "<t>").empty("c").end();

        assertThat(xml.finish())
                .isEqualTo(
                        """
                        <?xml version="1.0" encoding="utf-8"?>
                        <a k="v&amp;">
                          <b>&lt;t&gt;</b>
                          <c/>
                        </a>
                        """);
        assertThatThrownBy(() -> new XmlWriter().start("a").finish())
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("unclosed elements: [a]");
        assertThatThrownBy(() -> new XmlWriter().empty("a", "lonely"))
                .isInstanceOf(IllegalArgumentException.class);
    }
}

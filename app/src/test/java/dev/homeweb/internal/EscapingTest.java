package dev.homeweb.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class EscapingTest {
    @Nested
    class Html {
        @Test
        void escapesMarkupAndDoubleQuotes() {
            assertThat(Escaping.escapeHtml("<a href=\"x\">Tom & 'Jerry'</a>"))
                    .isEqualTo("&lt;a href=&quot;x&quot;&gt;Tom &amp; 'Jerry'&lt;/a&gt;");
        }

        @Test
        void escapesOnlyTheRangeAskedFor() {
            var out = new StringBuilder("<b>");
            Escaping.escapeHtml("x<y>z", 1, 4, out);

            assertThat(out).hasToString("<b>&lt;y&gt;");
        }
    }

    @Nested
    class Xml {
        @Test
        void escapesMarkupInText() {
            assertThat(Escaping.escapeXmlText("a < b && c > \"d\" 'e'"))
                    .isEqualTo("a &lt; b &amp;&amp; c &gt; \"d\" 'e'");
        }

        @Test
        void escapesQuotesAndWhitespaceInAttributes() {
            assertThat(Escaping.escapeXmlAttribute("say \"hi\"\tthen\nbye\r"))
                    .isEqualTo("say &quot;hi&quot;&#9;then&#10;bye&#13;");
        }

        @Test
        void keepsCarriageReturnsInTextAsReferences() {
            assertThat(Escaping.escapeXmlText("a\r\nb\tc")).isEqualTo("a&#13;\nb\tc");
        }

        @Test
        void dropsControlsUnpairedSurrogatesAndNonCharacters() {
            assertThat(
                            Escaping.escapeXmlText(
                                    "a\u0000b\u0008c\u001fd\u007fe\u0080f\u009fg\uD800h\uDC00i\uFFFEj\uFFFF"))
                    .isEqualTo("abcdefghij");
        }

        @Test
        void keepsEmojiAndOtherAstralCharactersWhole() {
            assertThat(Escaping.escapeXmlText("🐟 𝄞 “x”")).isEqualTo("🐟 𝄞 “x”");
        }
    }

    @Nested
    class WithoutControls {
        @Test
        void dropsWhatXmlCannotCarryAndKeepsTheRest() {
            assertThat(
                            Escaping.withoutControls(
                                    "a\u0000b\u0008c\u000cd\u001fe\u007ff\uD83Dg\t\n\r🐟"))
                    .isEqualTo("abcdefg\t\n\r🐟");
        }

        @Test
        void returnsCleanTextAsItIs() {
            var clean = "plain “text” 👋";

            assertThat(Escaping.withoutControls(clean)).isSameAs(clean);
        }
    }
}

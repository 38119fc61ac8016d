package org.recto.article;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The one HTML escaper: content, quoted attributes, and the page helpers' escape for either. */
class HtmlEscapeTest {

    @Test
    void contentEscapesTheMarkupCharactersOnly() {
        assertThat(Html.escapeText("a < b && c > \"d\" 'e'\n")).isEqualTo("a &lt; b &amp;&amp; c &gt; \"d\" 'e'\n");
    }

    @Test
    void textWithNothingToEscapeIsReturnedAsItIs() {
        String plain = "Cell biology, 2012";
        assertThat(Html.escapeText(plain)).isSameAs(plain);
        assertThat(Html.escapeAttribute(plain)).isSameAs(plain);
    }

    @Test
    void attributesAlsoEscapeQuotesAndDropControlCharacters() {
        assertThat(Html.escapeAttribute("x\" onload='y'\n<&>\t")).isEqualTo("x&quot; onload=&#39;y&#39;&lt;&amp;&gt;");
    }

    @Test
    void escapeServesContentAndAttributesAndTakesNull() {
        assertThat(Html.escape("<a href=\"x\">'&'</a>\n"))
                .isEqualTo("&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;\n");
        assertThat(Html.escape(null)).isEmpty();
    }

    @Test
    void theEntityOfEachContentCharacter() {
        assertThat(Html.textEntity('<')).isEqualTo("&lt;");
        assertThat(Html.textEntity('&')).isEqualTo("&amp;");
        assertThat(Html.textEntity('"')).isNull();
        assertThat(Html.textEntity('a')).isNull();
    }
}

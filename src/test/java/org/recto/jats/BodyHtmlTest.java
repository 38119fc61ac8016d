package org.recto.jats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;
import org.recto.article.Article;
import org.recto.article.BackMatter;
import org.recto.article.Body;
import org.recto.article.Note;

/** The body and back matter as HTML: each JATS structure and what it becomes. */
class BodyHtmlTest {

    private static Article read(String body, String back) throws JatsException {
        String xml = """
                <?xml version="1.0" encoding="UTF-8"?>
                <article xmlns:xlink="http://www.w3.org/1999/xlink" xmlns:mml="http://www.w3.org/1998/Math/MathML">
                <front><article-meta><article-id pub-id-type="doi">10.5555/body</article-id>
                <title-group><article-title>T</article-title></title-group></article-meta></front>
                <body>%s</body><back>%s</back>
                <sub-article article-type="decision-letter"><front-stub>
                  <contrib-group><contrib><name><surname>Reviewer</surname></name></contrib></contrib-group></front-stub>
                  <body><sec><title>Decision</title><p>Accept <xref ref-type="fn" rid="x">1</xref></p></sec>
                  <fn-group><fn id="sub-fn"><p>Sub note</p></fn></fn-group></body>
                  <back><ref-list><ref id="sub-r1"><mixed-citation>Sub ref.</mixed-citation></ref></ref-list></back>
                </sub-article>
                </article>
                """.formatted(body, back);
        return new JatsReader().read(xml.getBytes(StandardCharsets.UTF_8), "body.xml");
    }

    private static String html(String body) throws JatsException {
        return read(body, "").body().html();
    }

    @Test
    void sectionsAtAnyDepthWithTheirOutline() throws Exception {
        Article a = read("""
                <sec id="s1"><label>1.</label><title>Intro <italic>duction</italic></title><p>A.</p>
                  <sec id="s1-1"><title>Sub</title><p>B.</p>
                    <sec><title>Subsub</title><p>C.</p><sec id="d4"><title>4</title><sec id="d5"><title>5</title>
                    <sec id="d6"><title>6</title></sec></sec></sec></sec></sec></sec>
                <sec id="s2"><p>Untitled.</p><boxed-text><sec id="box-sec"><title>In a box</title></sec></boxed-text></sec>
                """, "");
        Body b = a.body();
        assertThat(b.sections()).extracting(Body.Section::id, Body.Section::titleHtml, Body.Section::depth)
                .containsExactly(tuple("s1", "1. Intro <i>duction</i>", 1), tuple("s1-1", "Sub", 2),
                        tuple("recto-sec-1", "Subsub", 3), tuple("d4", "4", 4), tuple("d5", "5", 5),
                        tuple("d6", "6", 6), tuple("s2", "", 1), tuple("box-sec", "In a box", 2));
        assertThat(b.html()).startsWith("<section id=\"s1\"><h2><span class=\"label\">1.</span> Intro <i>duction</i></h2>"
                + "<p>A.</p><section id=\"s1-1\"><h3>Sub</h3><p>B.</p><section id=\"recto-sec-1\"><h4>Subsub</h4>");
        assertThat(b.html()).contains("<section id=\"d6\"><h6>6</h6></section>", // h7 does not exist
                "<section id=\"s2\"><p>Untitled.</p><aside class=\"boxed-text\"><section id=\"box-sec\"><h3>In a box</h3>");
        assertThat(b.html()).doesNotContain("Decision", "Accept");
    }

    @Test
    void inlineMarkup() throws Exception {
        assertThat(html("<p><italic>i</italic> <bold>b</bold> <sup>1</sup><sub>2</sub> <sc>Sc</sc> <monospace>m</monospace>"
                + " <underline>u</underline> <strike>s</strike> <named-content content-type=\"gene\">kept</named-content>"
                + " <styled-content style=\"color:red\">styled</styled-content> a<break/>b <unknown-thing>text</unknown-thing></p>"))
                .isEqualTo("<p><i>i</i> <b>b</b> <sup>1</sup><sub>2</sub> <span class=\"sc\">Sc</span> <code>m</code>"
                        + " <u>u</u> <s>s</s> kept styled a<br>b text</p>");
    }

    @Test
    void links() throws Exception {
        assertThat(html("<p><xref ref-type=\"bibr\" rid=\"bib1 bib2\">Smith, 2001</xref>;"
                + " <ext-link ext-link-type=\"uri\" xlink:href=\"https://example.org/a?b=1&amp;c=2\">site</ext-link>;"
                + " <ext-link ext-link-type=\"doi\" xlink:href=\"10.7554/eLife.00003\">doi</ext-link>;"
                + " <ext-link xlink:href=\"ftp://example.org/file\">ftp</ext-link>;"
                + " <uri>http://example.org/u</uri>; <uri xlink:href=\"www.example.org\">www</uri>;"
                + " <email>x@example.org</email>; <ext-link xlink:href=\"mailto:y@example.org\">mail</ext-link></p>"))
                .isEqualTo("<p><a href=\"#bib1\">Smith, 2001</a>;"
                        + " <a href=\"https://example.org/a?b=1&amp;c=2\">site</a>;"
                        + " <a href=\"https://doi.org/10.7554/eLife.00003\">doi</a>;"
                        + " ftp;"
                        + " <a href=\"http://example.org/u\">http://example.org/u</a>; <a href=\"http://www.example.org\">www</a>;"
                        + " <a href=\"mailto:x@example.org\">x@example.org</a>; <a href=\"mailto:y@example.org\">mail</a></p>");
    }

    @Test
    void blocksInsideParagraphsSplitTheParagraph() throws Exception {
        assertThat(html("<p id=\"p1\">Before <list list-type=\"order\"><list-item><p>one</p></list-item>"
                + "<list-item><p>two <list list-type=\"bullet\"><list-item><p>nested</p></list-item></list></p></list-item></list>"
                + " after <disp-formula id=\"e1\"><label>(1)</label><tex-math><![CDATA[E = mc^2 & x<y]]></tex-math></disp-formula>"
                + " end.</p>"))
                .isEqualTo("<p id=\"p1\">Before</p><ol><li><p>one</p></li><li><p>two</p><ul><li><p>nested</p></li></ul></li></ol>"
                        + "<p>after</p><div class=\"disp-formula\" id=\"e1\"><span class=\"tex\">E = mc^2 &amp; x&lt;y</span>"
                        + " <span class=\"label\">(1)</span></div><p>end.</p>");
    }

    @Test
    void listsQuotesBoxesCodeAndDefinitions() throws Exception {
        assertThat(html("<list list-type=\"alpha-lower\"><title>Steps</title><list-item><label>a</label><p>x</p></list-item></list>"
                + "<disp-quote><p>Quoted.</p> <attrib>Someone</attrib></disp-quote>"
                + "<disp-quote><italic>Inline</italic> <bold>quote</bold></disp-quote>"
                + "<boxed-text id=\"box1\"><caption><title>Box</title></caption><p>Boxed.</p></boxed-text>"
                + "<preformat>  a\n    b &lt; c</preformat>"
                + "<def-list><title>Abbreviations</title><def-item><term>DNA</term><def><p>deoxyribonucleic acid</p></def></def-item></def-list>"))
                .isEqualTo("<p class=\"list-title\">Steps</p><ol class=\"alpha-lower\"><li><span class=\"label\">a</span> <p>x</p></li></ol>"
                        + "<blockquote><p>Quoted.</p><p class=\"attrib\">Someone</p></blockquote>"
                        + "<blockquote><i>Inline</i> <b>quote</b></blockquote>"
                        + "<aside class=\"boxed-text\" id=\"box1\"><div class=\"caption\"><p class=\"title\">Box</p></div><p>Boxed.</p></aside>"
                        + "<pre>  a\n    b &lt; c</pre>"
                        + "<p class=\"title\">Abbreviations</p><dl><dt>DNA</dt><dd><p>deoxyribonucleic acid</p></dd></dl>");
    }

    @Test
    void figuresWithCaptionsAndImagesOnlyWhenTheirAddressIsUsable() throws Exception {
        // A relative name without an extension (eLife's) is a file of the package: kept for the page to place.
        Article a = read("<fig id=\"fig1\"><object-id pub-id-type=\"doi\">10.1/x</object-id><label>Figure 1.</label>"
                + "<caption><title>Cells <italic>divide</italic>.</title><p>Details.</p></caption>"
                + "<graphic xlink:href=\"elife00003f001\"/></fig>"
                + "<fig-group><fig id=\"fig2\"><caption><p>No label.</p></caption>"
                + "<graphic xlink:href=\"https://cdn.example.org/fig2.png\"><alt-text>A chart</alt-text></graphic></fig>"
                + "<fig id=\"fig3\"><label>Figure 3.</label><graphic xlink:href=\"images/fig3.jpg\"/></fig></fig-group>", "");
        String h = a.body().html();
        assertThat(h).startsWith("<figure class=\"fig\" id=\"fig1\"><figcaption><p class=\"caption-title\">"
                + "<span class=\"label\">Figure 1.</span> Cells <i>divide</i>.</p><p>Details.</p></figcaption>"
                + "<img src=\"elife00003f001\" alt=\"\"></figure>");
        assertThat(h).contains("<figure class=\"fig\" id=\"fig2\"><figcaption><p>No label.</p></figcaption>"
                + "<img src=\"https://cdn.example.org/fig2.png\" alt=\"A chart\"></figure>");
        assertThat(h).contains("<figure class=\"fig\" id=\"fig3\"><img src=\"images/fig3.jpg\" alt=\"\">"
                + "<figcaption><span class=\"label\">Figure 3.</span></figcaption></figure>");
        assertThat(h).doesNotContain("10.1/x");
        assertThat(a.body().figureCount()).isEqualTo(3);
        assertThat(a.body().tableCount()).isZero();
    }

    @Test
    void tablesKeepOnlyTheirStructureAndSpans() throws Exception {
        Article a = read("<table-wrap id=\"tbl1\"><label>Table 1.</label><caption><p>Results.</p></caption>"
                + "<alternatives><graphic xlink:href=\"t1.tif\"/><table frame=\"hsides\" rules=\"groups\"><colgroup><col width=\"50%\"/></colgroup>"
                + "<thead><tr><th colspan=\"2\" align=\"left\" style=\"x\">Head</th></tr></thead>"
                + "<tbody><tr><td rowspan=\"2\" valign=\"top\"><bold>1</bold></td><td>a<list><list-item><p>li</p></list-item></list></td></tr></tbody>"
                + "</table></alternatives><table-wrap-foot><fn id=\"tfn1\"><label>*</label><p>p &lt; 0.05</p></fn></table-wrap-foot>"
                + "</table-wrap>", "");
        assertThat(a.body().html()).isEqualTo("<figure class=\"table-wrap\" id=\"tbl1\"><figcaption><p class=\"caption-title\">"
                + "<span class=\"label\">Table 1.</span></p><p>Results.</p></figcaption>"
                + "<table><thead><tr><th colspan=\"2\">Head</th></tr></thead>"
                + "<tbody><tr><td rowspan=\"2\"><b>1</b></td><td>a<ul><li><p>li</p></li></ul></td></tr></tbody></table>"
                + "<div class=\"table-foot\"><div class=\"fn\" id=\"tfn1\"><span class=\"label\">*</span> <p>p &lt; 0.05</p></div></div>"
                + "</figure>");
        assertThat(a.body().tableCount()).isEqualTo(1);
        assertThat(a.back().notes()).as("table footnotes are not notes").isEmpty();
    }

    @Test
    void mathKeepsMathMlOrTex() throws Exception {
        assertThat(html("<p>Inline <inline-formula><alternatives><tex-math>x^2</tex-math>"
                + "<mml:math display=\"inline\" xmlns:xlink=\"http://www.w3.org/1999/xlink\"><mml:msup><mml:mi>x</mml:mi><mml:mn>2</mml:mn></mml:msup>"
                + "<mml:semantics><mml:mi>y</mml:mi><mml:annotation encoding=\"TeX\">y</mml:annotation></mml:semantics>"
                + "<mml:maction actiontype=\"toggle\" xlink:href=\"javascript:x\"><mml:mi>z</mml:mi></mml:maction>"
                + "</mml:math></alternatives></inline-formula> and <inline-formula><tex-math>a &lt; b</tex-math></inline-formula>.</p>"))
                .isEqualTo("<p>Inline <span class=\"inline-formula\"><math display=\"inline\"><msup><mi>x</mi><mn>2</mn></msup>"
                        + "<semantics><mi>y</mi></semantics><mi>z</mi></math></span>"
                        + " and <span class=\"inline-formula\"><span class=\"tex\">a &lt; b</span></span>.</p>");
    }

    @Test
    void bodyFootnotesAreRenderedAndBecomeNotes() throws Exception {
        Article a = read("<p>Text<xref ref-type=\"fn\" rid=\"bfn1\">1</xref>.</p>"
                + "<fn-group><fn id=\"bfn1\"><label>1</label><p>A body note, see <italic>Smith</italic>.</p></fn></fn-group>", "");
        assertThat(a.body().html()).isEqualTo("<p>Text<a href=\"#bfn1\">1</a>.</p><div class=\"fn-group\">"
                + "<div class=\"fn\" id=\"bfn1\"><span class=\"label\">1</span> <p>A body note, see <i>Smith</i>.</p></div></div>");
        assertThat(a.back().notes()).containsExactly(new Note("bfn1", "1",
                "<p>A body note, see <i>Smith</i>.</p>", "A body note, see Smith."));
    }

    @Test
    void backMatter() throws Exception {
        Article a = read("<p>Body.</p>", """
                <ack><title>Acknowledgements</title><p>We thank <italic>everyone</italic>.</p></ack>
                <sec sec-type="additional-information"><title>Additional information</title>
                  <fn-group content-type="competing-interest"><title>Competing interests</title>
                    <fn fn-type="conflict" id="conf1"><p>None.</p></fn></fn-group></sec>
                <app-group><title>Appendices</title>
                  <app id="app1"><label>Appendix 1</label><title>Methods</title><sec id="app1-s1"><title>More</title><p>Details.</p></sec></app>
                </app-group>
                <glossary><title>Glossary</title><def-list><def-item><term>X</term><def><p>ex</p></def></def-item></def-list></glossary>
                <notes notes-type="endnotes"><fn-group><fn id="en1"><label>i</label><p>Endnote <ext-link xlink:href="https://e.org">link</ext-link>.</p></fn></fn-group></notes>
                <fn-group><fn id="n2"><p>Second <bold>note</bold></p><p>two paragraphs</p></fn></fn-group>
                <ref-list><title>References</title>
                  <ref id="r1"><mixed-citation>First.</mixed-citation></ref>
                  <ref-list><title>Data</title><ref id="r2"><element-citation><source>Dataset</source><year>2020</year></element-citation></ref></ref-list>
                </ref-list>
                """);
        BackMatter back = a.back();
        assertThat(back.acknowledgementsHtml()).isEqualTo("<p>We thank <i>everyone</i>.</p>");
        assertThat(back.appendices()).extracting(BackMatter.Appendix::id, BackMatter.Appendix::titleHtml)
                .containsExactly(tuple("app1", "Appendix 1 Methods"), tuple(null, "Glossary"));
        assertThat(back.appendices().get(0).html())
                .isEqualTo("<section id=\"app1-s1\"><h3>More</h3><p>Details.</p></section>");
        assertThat(back.appendices().get(1).html()).isEqualTo("<dl><dt>X</dt><dd><p>ex</p></dd></dl>");
        assertThat(back.notes()).extracting(Note::id, Note::label, Note::text).containsExactly(
                tuple("conf1", null, "None."), tuple("en1", "i", "Endnote link."),
                tuple("n2", null, "Second note two paragraphs"));
        assertThat(back.notes().get(1).html()).isEqualTo("<p>Endnote <a href=\"https://e.org\">link</a>.</p>");
        assertThat(back.references()).extracting(r -> r.id()).containsExactly("r1", "r2");
        assertThat(a.body().sections()).isEmpty();
        assertThat(a.contributors()).isEmpty();
    }
}

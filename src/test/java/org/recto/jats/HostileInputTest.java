package org.recto.jats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.net.ServerSocket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Attribute;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.recto.article.Article;
import org.recto.article.Permissions;
import org.recto.support.SharedData;

/** Broken and hostile documents: each is refused with a problem that says what and where, or neutralised. */
class HostileInputTest {

    private final JatsReader reader = new JatsReader();

    /** A minimal article; {@code meta} goes into article-meta after the DOI, {@code body} into the body. */
    static String article(String title, String body) {
        return """
                <?xml version="1.0" encoding="UTF-8"?>
                <!DOCTYPE article PUBLIC "-//NLM//DTD JATS (Z39.96) Journal Archiving and Interchange DTD v1.1d1 20130915//EN" "JATS-archivearticle1.dtd">
                <article xmlns:xlink="http://www.w3.org/1999/xlink" xmlns:mml="http://www.w3.org/1998/Math/MathML" article-type="research-article">
                <front>
                <article-meta>
                <article-id pub-id-type="doi">10.5555/test.1</article-id>
                <title-group><article-title>%s</article-title></title-group>
                </article-meta>
                </front>
                <body>%s</body>
                </article>
                """.formatted(title, body);
    }

    private JatsProblem problem(String xml) {
        return problem(xml.getBytes(StandardCharsets.UTF_8));
    }

    private JatsProblem problem(byte[] xml) {
        try {
            reader.read(xml, "test.xml");
        } catch (JatsException e) {
            assertThat(e.problems()).hasSize(1);
            assertThat(e.problems().get(0).file()).isEqualTo("test.xml");
            return e.problems().get(0);
        }
        throw new AssertionError("the document was read, but should have been refused");
    }

    private Article read(String xml) throws JatsException {
        return reader.read(xml.getBytes(StandardCharsets.UTF_8), "test.xml");
    }

    // ---------------------------------------------------------------- well-formedness

    @Test
    void aMinimalArticleReads() throws Exception {
        Article a = read(article("A <italic>title</italic>", "<p>Text.</p>"));
        assertThat(a.doi()).isEqualTo("10.5555/test.1");
        assertThat(a.titleHtml()).isEqualTo("A <i>title</i>");
        assertThat(a.body().html()).isEqualTo("<p>Text.</p>");
    }

    @Test
    void truncatedFile() throws Exception {
        byte[] whole = Files.readAllBytes(SharedData.dir().resolve("seed/jats/mills-bloomfield-2018.xml"));
        String text = new String(whole, StandardCharsets.UTF_8);
        int cut = text.indexOf("<fn id=\"fn50\">") + 22; // inside the label of note 50, in the back matter
        String truncated = text.substring(0, cut);
        JatsProblem p = problem(truncated);
        assertThat(p.message()).contains("the file ends before the element <label> is closed", "truncated");
        assertThat(p.line()).isEqualTo(truncated.split("\n", -1).length);

        JatsProblem midTag = problem(text.substring(0, text.indexOf("<fn-group") + 6));
        assertThat(midTag.message()).contains("the file ends before the element <back> is closed");
        assertThat(midTag.line()).isGreaterThan(40);
    }

    @Test
    void wrongRoot() {
        JatsProblem p = problem("<?xml version=\"1.0\"?>\n<html><body><p>Hello</p></body></html>");
        assertThat(p.message()).isEqualTo("this is not a JATS article: the root element is <html>, expected <article>");
        assertThat(p.line()).isEqualTo(2);
    }

    @Test
    void elementNotClosed() {
        String xml = article("An unclosed <italic>title", "<p>Text.</p>");
        JatsProblem p = problem(xml);
        assertThat(p.message()).startsWith("the element <italic> is not closed");
        assertThat(p.line()).isEqualTo(7);
        assertThat(p.column()).isGreaterThan(30);
        assertThat(p.toString()).startsWith("test.xml:7:");
    }

    @Test
    void malformedStartTag() {
        String xml = article("Title", "\n<p>One</p>\n<p class=>Two</p>");
        JatsProblem p = problem(xml);
        assertThat(p.line()).isEqualTo(12);
        assertThat(p.message()).contains("not well-formed");

        JatsProblem q = problem(article("Title", "\n\n<p <b>x</b></p>"));
        assertThat(q.message()).contains("the start tag <p …> is malformed");
        assertThat(q.line()).isEqualTo(12);
    }

    @Test
    void emptyAndNonXmlFiles() {
        assertThat(problem(new byte[0]).message()).isEqualTo("the file is empty");
        assertThat(problem("just some text").message()).contains("does not start with XML");
        assertThat(problem("<?xml version=\"1.0\"?>\n<!-- nothing -->\n").message()).contains("empty");
        JatsProblem junk = problem(article("T", "") + "<article/>");
        assertThat(junk.message()).contains("after the end of the root element");
    }

    @Test
    void missingOrInvalidDoi() {
        String noDoi = article("T", "").replace("<article-id pub-id-type=\"doi\">10.5555/test.1</article-id>\n", "");
        JatsProblem p = problem(noDoi);
        assertThat(p.message()).isEqualTo("the article has no DOI (<article-id pub-id-type=\"doi\">)");
        assertThat(p.line()).isEqualTo(5);

        JatsProblem q = problem(article("T", "").replace(">10.5555/test.1<", ">not a doi<"));
        assertThat(q.message()).contains("\"not a doi\" is not a DOI");
    }

    @Test
    void doiPrefixesAreStripped() throws Exception {
        for (String given : new String[] {"https://doi.org/10.5555/ABC.1", " doi:10.5555/ABC.1 ",
            "http://dx.doi.org/10.5555/ABC.1", "DOI: 10.5555/ABC.1"}) {
            Article a = read(article("T", "").replace(">10.5555/test.1<", ">" + given + "<"));
            assertThat(a.doi()).as(given).isEqualTo("10.5555/ABC.1");
        }
    }

    @Test
    void deepNestingIsRefused() {
        String deep = "<x>".repeat(5000) + "</x>".repeat(5000);
        JatsProblem p = problem(article("T", deep));
        assertThat(p.message()).contains("nested more than");
    }

    // ---------------------------------------------------------------- entities

    @Test
    void externalEntityReadingAFileIsRefused() {
        String xml = """
                <?xml version="1.0" encoding="UTF-8"?>
                <!DOCTYPE article [
                  <!ENTITY xxe SYSTEM "file:///etc/passwd">
                ]>
                <article><front><article-meta><article-id pub-id-type="doi">10.5555/x</article-id>
                <title-group><article-title>&xxe;</article-title></title-group></article-meta></front></article>
                """;
        JatsProblem p = problem(xml);
        assertThat(p.message()).contains("external entity &xxe;", "refused");
        assertThat(p.message()).doesNotContain("root:");
        assertThat(p.line()).isEqualTo(3);
        assertThat(p.column()).isEqualTo(3);
    }

    @Test
    void externalEntitiesAndDtdsOverHttpAreNeverFetched() throws Exception {
        try (ServerSocket server = new ServerSocket(0)) {
            String url = "http://127.0.0.1:" + server.getLocalPort();
            String entity = """
                    <?xml version="1.0"?>
                    <!DOCTYPE article [<!ENTITY xxe SYSTEM "%s/secret">]>
                    <article><front><article-meta><article-id pub-id-type="doi">10.5555/x</article-id>
                    <title-group><article-title>&xxe;</article-title></title-group></article-meta></front></article>
                    """.formatted(url);
            assertThat(problem(entity).message()).contains("external entity &xxe;");

            String parameter = """
                    <?xml version="1.0"?>
                    <!DOCTYPE article [<!ENTITY %% pe SYSTEM "%s/evil.dtd"> %%pe;]>
                    <article><front><article-meta><article-id pub-id-type="doi">10.5555/x</article-id>
                    </article-meta></front></article>
                    """.formatted(url);
            JatsProblem p = problem(parameter);
            assertThat(p.message()).contains("parameter entity %pe;");
            assertThat(p.line()).isEqualTo(2);

            // A DOCTYPE naming a DTD by URL, as PLOS files do, is fine and read offline.
            Article a = read(article("Offline", "").replace("\"JATS-archivearticle1.dtd\"", "\"" + url + "/x.dtd\""));
            assertThat(a.titleText()).isEqualTo("Offline");

            server.setSoTimeout(300);
            boolean connected;
            try (var ignored = server.accept()) {
                connected = true;
            } catch (SocketTimeoutException e) {
                connected = false;
            }
            assertThat(connected).as("the reader connected to the URL").isFalse();
        }
    }

    /** A DOCTYPE whose internal subset holds {@code before}, the declaration, then {@code after}. */
    private static String paddedSubset(String before, String declaration, String after) {
        return "<?xml version=\"1.0\"?>\n<!DOCTYPE article [\n" + before + "\n" + declaration + after + "\n]>\n"
                + "<article><front><article-meta><article-id pub-id-type=\"doi\">10.5555/x</article-id>"
                + "<title-group><article-title>&xxe;</article-title></title-group></article-meta></front></article>";
    }

    @Test
    void entityDeclarationsAfterPaddingAreRefusedWherever() {
        String xxe = "<!ENTITY xxe SYSTEM \"file:///etc/passwd\">";
        // The JDK parser reports only the last 8 K characters of a long DOCTYPE: a declaration early
        // in a long subset, or after 8 KB of padding, must still be found.
        String comment = "<!-- " + "padding ".repeat(1100) + "-->";
        String elements = "<!ELEMENT p (#PCDATA)>\n".repeat(400);
        String attribute = "<!ATTLIST p a CDATA \"" + "]>".repeat(4500) + "\">";
        for (String[] c : new String[][] {
                {comment, ""}, {"", comment}, {elements, ""}, {"", elements}, {attribute, ""}, {elements, comment}}) {
            String xml = paddedSubset(c[0], xxe, c[1]);
            JatsProblem p = problem(xml);
            assertThat(p.message()).as("padding %d + %d", c[0].length(), c[1].length()).contains("external entity &xxe;");
            String before = xml.substring(0, xml.indexOf("<!ENTITY"));
            assertThat(p.line()).isEqualTo((int) before.chars().filter(ch -> ch == '\n').count() + 1);
        }
        assertThat(problem(paddedSubset(elements, "<!ENTITY % pe SYSTEM \"http://x/e.dtd\"> %pe;", comment)).message())
                .contains("parameter entity %pe;");
    }

    @Test
    void anEntityWordInACommentOrLiteralOfTheSubsetIsNoDeclaration() throws Exception {
        String xml = article("Commented", "").replace("\"JATS-archivearticle1.dtd\">",
                "\"JATS-archivearticle1.dtd\" [\n<!-- <!ENTITY no \"x\"> -->\n<!ATTLIST p a CDATA \"<!ENTITY\">\n]>");
        assertThat(read(xml).titleText()).isEqualTo("Commented");
    }

    @Test
    void aUtf16DocumentWithAPaddedEntityDeclarationIsRefused() {
        String xml = paddedSubset("<!-- " + "x".repeat(9000) + " -->", "<!ENTITY xxe SYSTEM \"file:///etc/passwd\">", "")
                .replace("<?xml version=\"1.0\"?>", "<?xml version=\"1.0\" encoding=\"UTF-16\"?>");
        byte[] bom = {(byte) 0xFE, (byte) 0xFF};
        byte[] body = xml.getBytes(StandardCharsets.UTF_16BE);
        byte[] bytes = Arrays.copyOf(bom, bom.length + body.length);
        System.arraycopy(body, 0, bytes, bom.length, body.length);
        assertThat(problem(bytes).message()).contains("external entity &xxe;");
    }

    @Test
    void entityBombIsRefusedBeforeExpanding() {
        StringBuilder dtd = new StringBuilder("<!DOCTYPE article [\n<!ENTITY lol0 \"lol\">\n");
        for (int i = 1; i <= 9; i++) {
            dtd.append("<!ENTITY lol").append(i).append(" \"").append(("&lol" + (i - 1) + ";").repeat(10))
                    .append("\">\n");
        }
        dtd.append("]>\n");
        String xml = "<?xml version=\"1.0\"?>\n" + dtd
                + "<article article-type=\"&lol9;\"><front><article-meta><article-id pub-id-type=\"doi\">10.5555/x"
                + "</article-id><title-group><article-title>&lol9;</article-title></title-group></article-meta>"
                + "</front></article>";
        JatsProblem p = problem(xml);
        assertThat(p.message()).contains("declares the entity &lol0;", "expand without limit");
        assertThat(p.line()).isEqualTo(3);
    }

    @Test
    void namedCharacterEntitiesWithoutTheDtd() throws Exception {
        Article a = read(article("A&nbsp;B &ndash; C&mdash;D &alpha; &lsquo;q&rsquo; &amp; &lt;x&gt; &#x2013;", ""));
        assertThat(a.titleHtml()).isEqualTo("A\u00a0B – C—D α ‘q’ &amp; &lt;x&gt; –");

        JatsProblem p = problem(article("T", "\n<p>An &unknownthing; here</p>"));
        assertThat(p.message()).contains("the entity &unknownthing; is not defined", "&#x2013;");
        assertThat(p.line()).isEqualTo(11);

        // In an attribute value the parser itself reports the entity (when the DOCTYPE names no DTD).
        JatsProblem q = problem(article("T", "<p>x</p>").replace("article-type=\"research-article\"",
                "article-type=\"a&ndash;b\"").replaceAll("<!DOCTYPE[^>]*>", ""));
        assertThat(q.message()).contains("&ndash;", "attribute");
        assertThat(q.line()).isEqualTo(3);
    }

    // ---------------------------------------------------------------- size and encoding

    @Test
    void documentsOverTheSizeLimitAreRefusedBeforeParsing() throws Exception {
        byte[] big = new byte[(int) JatsReader.DEFAULT_MAX_BYTES + 1];
        Arrays.fill(big, (byte) ' ');
        JatsProblem p = problem(big);
        assertThat(p.message()).contains("more than the limit of 50.0 MB", "recto.jats.max-bytes");
        assertThat(p.line()).isZero();

        byte[] small = article("T", "<p>x</p>").getBytes(StandardCharsets.UTF_8);
        assertThat(new JatsReader(small.length).read(small, "ok.xml").doi()).isEqualTo("10.5555/test.1");
        assertThatThrownBy(() -> new JatsReader(small.length - 1).read(small, "big.xml"))
                .isInstanceOf(JatsException.class).hasMessageContaining("more than the limit");
    }

    @Test
    void aDocumentJustUnderFiftyMegabytesReads() throws Exception {
        // A real 50 MB article body: many paragraphs, built in memory.
        String head = article("Big", "@@").split("@@")[0];
        String tail = article("Big", "@@").split("@@")[1];
        byte[] para = "<p>Lorem ipsum dolor sit amet, <italic>consectetur</italic> adipiscing elit.</p>\n"
                .getBytes(StandardCharsets.UTF_8);
        ByteArrayOutputStream out = new ByteArrayOutputStream((int) JatsReader.DEFAULT_MAX_BYTES);
        out.writeBytes(head.getBytes(StandardCharsets.UTF_8));
        long room = JatsReader.DEFAULT_MAX_BYTES - head.length() - tail.length();
        long count = room / para.length;
        for (long i = 0; i < count; i++) {
            out.writeBytes(para);
        }
        out.writeBytes(tail.getBytes(StandardCharsets.UTF_8));
        byte[] xml = out.toByteArray();
        assertThat((long) xml.length).isLessThanOrEqualTo(JatsReader.DEFAULT_MAX_BYTES);
        Article a = reader.read(xml, "big.xml");
        assertThat(a.body().html()).startsWith("<p>Lorem ipsum dolor sit amet, <i>consectetur</i>");
        assertThat(a.body().html().length()).isGreaterThan(40_000_000);
    }

    @Test
    void latin1BytesDeclaredAsUtf8() {
        String xml = article("T", "\n<p>Zoologisches Institut, Universität Zürich</p>");
        byte[] latin1 = xml.getBytes(StandardCharsets.ISO_8859_1);
        JatsProblem p = problem(latin1);
        assertThat(p.message()).startsWith("the file is not UTF-8: byte 0xE4 after \"")
                .contains("Institut, Universit\" is not valid UTF-8", "Latin-1", "save the file as UTF-8");
        assertThat(p.line()).isEqualTo(11);
        assertThat(p.column()).isEqualTo("<p>Zoologisches Institut, Universit".length() + 1);
    }

    @Test
    void malformedUtf8Sequence() {
        byte[] xml = article("T", "<p>bad: @</p>").getBytes(StandardCharsets.UTF_8);
        int at = indexOf(xml, (byte) '@');
        byte[] broken = new byte[xml.length + 1];
        System.arraycopy(xml, 0, broken, 0, at);
        broken[at] = (byte) 0xC3;
        broken[at + 1] = (byte) 0x28; // not a continuation byte
        System.arraycopy(xml, at + 1, broken, at + 2, xml.length - at - 1);
        JatsProblem p = problem(broken);
        assertThat(p.message()).startsWith("the file is not UTF-8: byte 0xC3");
        assertThat(p.line()).isEqualTo(10);
    }

    @Test
    void declaredLatin1Reads() throws Exception {
        String xml = article("Universität Zürich", "").replace("encoding=\"UTF-8\"", "encoding=\"ISO-8859-1\"");
        Article a = reader.read(xml.getBytes(StandardCharsets.ISO_8859_1), "latin1.xml");
        assertThat(a.titleText()).isEqualTo("Universität Zürich");
    }

    @Test
    void utf16WithByteOrderMarkReads() throws Exception {
        String xml = article("Zürich – 東京", "<p>x</p>").replace("encoding=\"UTF-8\"", "encoding=\"UTF-16\"");
        byte[] bytes = xml.getBytes(StandardCharsets.UTF_16); // big-endian with a byte order mark
        assertThat(reader.read(bytes, "utf16.xml").titleText()).isEqualTo("Zürich – 東京");
    }

    @Test
    void unknownEncodingName() {
        JatsProblem p = problem(article("T", "").replace("encoding=\"UTF-8\"", "encoding=\"no-such-charset\""));
        assertThat(p.message()).containsIgnoringCase("no-such-charset");
    }

    private static int indexOf(byte[] b, byte value) {
        for (int i = 0; i < b.length; i++) {
            if (b[i] == value) {
                return i;
            }
        }
        return -1;
    }

    // ---------------------------------------------------------------- markup that must not survive

    @Test
    void scriptsEventHandlersAndJavascriptUrlsAreNeutralised() throws Exception {
        String title = "Hello <script>alert(1)</script> &lt;script&gt;alert(2)&lt;/script&gt;"
                + " <bold onclick=\"alert(3)\" style=\"color:red\">W</bold>"
                + " <ext-link xlink:href=\"javascript:alert(4)\">a</ext-link>"
                + " <ext-link xlink:href=\" JaVaScRiPt:alert(5)\">b</ext-link>"
                + " <ext-link xlink:href=\"java&#x09;script:alert(6)\">c</ext-link>"
                + " <uri>javascript:alert(7)</uri>"
                + " <ext-link xlink:href=\"data:text/html;base64,PHNjcmlwdD4=\">d</ext-link>"
                + " <xref rid='x\" onclick=\"alert(8)'>e</xref>"
                + " <ext-link xlink:href=\"https://example.org/?a=1&amp;b=&quot;2&quot;\">ok</ext-link>";
        String body = "<p onmouseover=\"alert(9)\">P</p>"
                + "<fig id='f1\" onclick=\"alert(10)'><label>Figure 1</label><caption><p>C</p></caption>"
                + "<graphic xlink:href=\"javascript:alert(11)\"/></fig>"
                + "<p><inline-formula><mml:math><mml:mi onclick=\"alert(12)\" style=\"x\" href=\"javascript:alert(13)\""
                + " mathvariant=\"bold\">x</mml:mi><mml:annotation-xml encoding=\"text/html\"><script>alert(14)</script>"
                + "</mml:annotation-xml></mml:math></inline-formula></p>"
                + "<table-wrap><table><tr><td colspan=\"2\" onclick=\"alert(15)\" style=\"x\" rowspan=\"x\">c</td></tr>"
                + "</table></table-wrap>"
                + "<p><email>a@b.org\" onclick=\"alert(16)</email> <email>ok@example.org</email></p>";
        Article a = read(article(title, body));
        for (String html : new String[] {a.titleHtml(), a.body().html()}) {
            for (Element e : Jsoup.parseBodyFragment(html).body().getAllElements()) {
                assertThat(e.tagName()).isNotIn("script", "style", "iframe", "object", "annotation-xml");
                for (Attribute at : e.attributes()) {
                    assertThat(at.getKey()).doesNotStartWith("on").isNotEqualTo("style");
                    assertThat(at.getValue().toLowerCase().replaceAll("\\s", "")).doesNotContain("javascript:")
                            .doesNotStartWith("data:");
                }
            }
        }
        String title2 = a.titleHtml();
        assertThat(title2).contains("&lt;script&gt;alert(2)&lt;/script&gt;");
        assertThat(title2).contains("<a href=\"https://example.org/?a=1&amp;b=&quot;2&quot;\">ok</a>");
        assertThat(title2).contains("<b>W</b> a b c javascript:alert(7) d", "Hello alert(1)");
        assertThat(Jsoup.parseBodyFragment(title2).select("a[href]")).hasSize(2); // the https link and the xref
        assertThat(a.body().html()).contains("<mi mathvariant=\"bold\">x</mi>", "<td colspan=\"2\">c</td>",
                "<a href=\"mailto:ok@example.org\">ok@example.org</a>");
        assertThat(Jsoup.parseBodyFragment(a.body().html()).select("img")).isEmpty();
    }

    @Test
    void onlyHttpLicenceUrlsLeaveTheReader() throws Exception {
        for (String bad : new String[] {"javascript:alert(1)", " JaVaScRiPt:alert(1)", "java&#x09;script:alert(1)",
                "data:text/html,x", "file:///etc/passwd", "//evil.example/x", "http://a b", "mailto:x@y"}) {
            String xml = article("L", "").replace("</article-meta>", "<permissions><license xlink:href=\"" + bad
                    + "\"><license-p>Free</license-p></license></permissions></article-meta>");
            assertThat(read(xml).permissions().licenseUrl()).as(bad).isNull();
            assertThat(read(xml).permissions().licenseHtml()).contains("Free");
        }
        // A bad first candidate does not hide a good one that follows.
        String xml = article("L", "").replace("</article-meta>", "<permissions><license xlink:href=\"javascript:x\">"
                + "<ali:license_ref xmlns:ali=\"http://www.niso.org/schemas/ali/1.0/\">https://creativecommons.org/licenses/by/4.0/"
                + "</ali:license_ref></license></permissions></article-meta>");
        assertThat(read(xml).permissions().licenseUrl()).isEqualTo("https://creativecommons.org/licenses/by/4.0/");
        // Versions stored before the rule come back through the same record.
        assertThat(new Permissions(null, null, null, "javascript:alert(1)", null).licenseUrl()).isNull();
    }

    // ---------------------------------------------------------------- messages an editor acts on

    private static String seed() {
        return new String(org.recto.support.SharedData.read(org.recto.support.SharedData.seed("mills-bloomfield-2018.xml")),
                StandardCharsets.UTF_8);
    }

    private static int lineOf(String text, int offset) {
        return (int) text.substring(0, offset).chars().filter(c -> c == '\n').count() + 1;
    }

    @Test
    void aDeletedEndTagIsReportedAtTheElementItBelongsTo() {
        String seed = seed();
        int fn = seed.indexOf("<fn id=\"fn20\">");
        int end = seed.indexOf("</fn>", fn);
        JatsProblem p = problem(seed.substring(0, end) + seed.substring(end + "</fn>".length()));

        assertThat(p.line()).isEqualTo(lineOf(seed, fn));
        assertThat(p.column()).isEqualTo(fn - seed.lastIndexOf('\n', fn));
        assertThat(p.message()).startsWith("the element <fn> that starts here is not closed: its end tag </fn> is missing")
                .contains("</fn-group> on line").doesNotContain("delimiter", "end-tag for element type");
    }

    @Test
    void aBareAmpersandIsNamedWithItsLine() {
        String seed = seed();
        int at = seed.indexOf("Thirty others");
        JatsProblem bare = problem(seed.substring(0, at) + "Smith & Jones " + seed.substring(at));
        assertThat(bare.line()).isEqualTo(lineOf(seed, at));
        assertThat(bare.message()).contains("bare \"&\"", "&amp;").doesNotContain("entity reference.", "immediately follow");

        JatsProblem unterminated = problem(seed.substring(0, at) + "Smith &Jones " + seed.substring(at));
        assertThat(unterminated.line()).isEqualTo(lineOf(seed, at));
        assertThat(unterminated.message()).contains("\"&Jones\"", "&amp;Jones").doesNotContain("delimiter");
    }

    @Test
    void aUtf8FileDeclaredAsLatin1IsRefusedRatherThanGarbled() {
        String xml = article("Universität Zürich", "").replace("encoding=\"UTF-8\"", "encoding=\"ISO-8859-1\"");
        JatsProblem p = problem(xml.getBytes(StandardCharsets.UTF_8));
        assertThat(p.line()).isEqualTo(lineOf(xml, xml.indexOf("ä")));
        assertThat(p.message()).contains("encoding=\"ISO-8859-1\"", "the file is UTF-8", "\"ä\"", "\"Ã¤\"",
                "encoding=\"UTF-8\"");
    }
}


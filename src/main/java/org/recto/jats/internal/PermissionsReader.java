package org.recto.jats.internal;

import org.recto.article.Permissions;

/** Reads permissions: copyright and licence, adding to what earlier permissions elements gave. */
final class PermissionsReader {

    private final XmlCursor x;
    private final HtmlRenderer html;
    private String statement;
    private String year;
    private String holder;
    private String url;
    private final StringBuilder licence;

    private PermissionsReader(XmlCursor x, HtmlRenderer html, Permissions earlier) {
        this.x = x;
        this.html = html;
        this.statement = earlier.copyrightStatement();
        this.year = earlier.copyrightYear();
        this.holder = earlier.copyrightHolder();
        this.url = earlier.licenseUrl();
        this.licence = new StringBuilder(earlier.licenseHtml() == null ? "" : earlier.licenseHtml());
    }

    /** Reads the current permissions element; what {@code earlier} has stays (the first one counts). */
    static Permissions read(XmlCursor x, HtmlRenderer html, Permissions earlier) {
        PermissionsReader r = new PermissionsReader(x, html, earlier);
        x.forEachElement(r::child);
        return new Permissions(r.statement, r.year, r.holder, r.url, r.licence.isEmpty() ? null : r.licence.toString());
    }

    private void child(String name) {
        switch (name) {
            case "copyright-statement" -> statement = statement == null ? Text.blankToNull(x.text()) : x.skipKeeping(statement);
            case "copyright-year" -> year = year == null ? Text.blankToNull(x.text()) : x.skipKeeping(year);
            case "copyright-holder" -> holder = holder == null ? Text.blankToNull(x.text()) : x.skipKeeping(holder);
            case "license_ref" -> licenceRef();
            case "license" -> {
                String href = Permissions.webUrl(x.attr("href")); // only http(s) licences leave the reader
                if (url == null && href != null) {
                    url = href;
                }
                x.forEachElement(this::licenceChild);
            }
            default -> x.skip();
        }
    }

    private void licenceChild(String name) {
        switch (name) {
            case "license-p" -> {
                String p = html.block();
                if (!p.isEmpty()) {
                    licence.append("<p>").append(p).append("</p>");
                }
            }
            case "license_ref" -> licenceRef();
            default -> x.skip();
        }
    }

    private void licenceRef() {
        url = url == null ? Permissions.webUrl(x.text()) : x.skipKeeping(url);
    }
}

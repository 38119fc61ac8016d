package org.recto.interop.oai;

import java.io.ByteArrayOutputStream;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import javax.xml.stream.XMLStreamException;

import org.recto.article.ArticleCatalog;
import org.recto.article.ArticleChanges;
import org.recto.article.ArticleChanges.Change;
import org.recto.article.ArticleChanges.Window;
import org.recto.article.StoredArticle;
import org.recto.interop.InteropProperties;
import org.recto.interop.PublicLinks;
import org.recto.interop.internal.XmlOut;
import org.recto.interop.oai.OaiSets.OaiSet;
import org.springframework.stereotype.Service;

/**
 * The OAI-PMH 2.0 repository: one request's arguments in, the whole response document out (written to
 * memory first, so a failure half-way gives a clean server error rather than a cut-off document).
 * The store cannot withdraw an article, so {@code deletedRecord} is {@code no}.
 */
@Service
public class OaiRepository {

    static final String OAI = "http://www.openarchives.org/OAI/2.0/";
    private static final String XSI = "http://www.w3.org/2001/XMLSchema-instance";

    private final ArticleChanges changes;
    private final ArticleCatalog catalog;
    private final PublicLinks links;
    private final InteropProperties properties;
    private final Clock clock;
    private final OaiSets sets;

    OaiRepository(ArticleChanges changes, ArticleCatalog catalog, PublicLinks links, InteropProperties properties,
                  Clock clock) {
        this.changes = changes;
        this.catalog = catalog;
        this.links = links;
        this.properties = properties;
        this.clock = clock;
        this.sets = new OaiSets(catalog, changes);
    }

    public String baseUrl() {
        return links.absolute("/oai");
    }

    /** The response to a request with these parameters (a query string's or a form's). */
    public byte[] respond(Map<String, String[]> params) {
        Instant now = clock.instant();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(8192);
        OaiRequest request;
        try {
            request = OaiRequest.parse(params);
        } catch (OaiError e) {
            write(bytes, now, null, xml -> error(xml, e));
            return bytes.toByteArray();
        }
        try {
            Body body = body(request, now);
            write(bytes, now, request, body::write);
        } catch (OaiError e) {
            bytes.reset();
            // badArgument answers echo no arguments: the request was not understood as given.
            write(bytes, now, e.code().equals("badArgument") ? null : request, xml -> error(xml, e));
        }
        return bytes.toByteArray();
    }

    /** What goes after the request element; it is worked out (and may fail) before anything is written. */
    @FunctionalInterface
    interface Body {
        void write(XmlOut xml) throws XMLStreamException;
    }

    private Body body(OaiRequest r, Instant now) {
        OaiIdentifiers ids = new OaiIdentifiers(links.absolute("/"));
        OaiListing listing = new OaiListing(changes, catalog, sets, ids, links, properties, now);
        return switch (r.verb()) {
            case "Identify" -> this::identify;
            case "ListMetadataFormats" -> listing.metadataFormats(r.arg("identifier"));
            case "ListSets" -> listSets(r.arg("resumptionToken"));
            case "GetRecord" -> listing.getRecord(r.arg("identifier"), r.arg("metadataPrefix"));
            case "ListIdentifiers" -> listing.list(r, false);
            case "ListRecords" -> listing.list(r, true);
            default -> throw new IllegalStateException(r.verb());
        };
    }

    private void identify(XmlOut xml) {
        xml.start("Identify");
        xml.element("repositoryName", links.siteName());
        xml.element("baseURL", baseUrl());
        xml.element("protocolVersion", "2.0");
        xml.element("adminEmail", properties.oaiAdminEmail());
        xml.element("earliestDatestamp", OaiDates.format(changes.earliest().orElse(clock.instant())));
        xml.element("deletedRecord", "no");
        xml.element("granularity", OaiDates.GRANULARITY);
        xml.end();
    }

    private Body listSets(String token) {
        if (token != null) {
            throw new OaiError("badResumptionToken", "ListSets answers in one response, so no resumptionToken of it exists.");
        }
        List<OaiSet> all = sets.all();
        if (all.isEmpty()) {
            throw new OaiError("noSetHierarchy", "The repository holds no articles yet, so it has no sets.");
        }
        return xml -> {
            xml.start("ListSets");
            for (OaiSet s : all) {
                xml.start("set").element("setSpec", s.spec()).element("setName", s.name()).end();
            }
            xml.end();
        };
    }

    private void write(ByteArrayOutputStream bytes, Instant now, OaiRequest request, Body body) {
        try (XmlOut xml = new XmlOut(bytes)) {
            xml.root("OAI-PMH", OAI, "xsi", XSI)
                    .attr("xsi:schemaLocation", OAI + " http://www.openarchives.org/OAI/2.0/OAI-PMH.xsd");
            xml.element("responseDate", OaiDates.format(now));
            xml.start("request");
            if (request != null) {
                xml.attr("verb", request.verb());
                request.args().forEach(xml::attr);
            }
            xml.text(baseUrl()).end();
            body.write(xml);
            xml.end();
        } catch (XMLStreamException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void error(XmlOut xml, OaiError e) {
        xml.start("error").attr("code", e.code()).text(e.getMessage()).end();
    }

    static List<String> specs(Change c) {
        List<String> specs = new ArrayList<>();
        if (c.journalKey() != null) {
            specs.add(OaiSets.journalSpec(c.journalKey()));
        }
        if (c.articleType() != null) {
            specs.add(OaiSets.typeSpec(c.articleType()));
        }
        return specs;
    }

    static Window window(Instant asOf, Instant from, Instant until, OaiSet set) {
        return new Window(asOf, from, until, set == null ? null : set.journalKey(), set == null ? null : set.articleType());
    }

    static StoredArticle require(Optional<StoredArticle> article, String doi) {
        return article.orElseThrow(() -> new OaiError("idDoesNotExist", "There is no article " + doi + " here."));
    }
}

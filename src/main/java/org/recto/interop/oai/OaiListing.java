package org.recto.interop.oai;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import javax.xml.stream.XMLStreamException;

import org.recto.article.ArticleCatalog;
import org.recto.article.ArticleChanges;
import org.recto.article.ArticleChanges.Change;
import org.recto.article.ArticleChanges.Window;
import org.recto.article.StoredArticle;
import org.recto.interop.InteropProperties;
import org.recto.interop.PublicLinks;
import org.recto.interop.internal.XmlOut;
import org.recto.interop.oai.OaiRepository.Body;
import org.recto.interop.oai.OaiSets.OaiSet;

/** The verbs that name records: ListMetadataFormats, GetRecord, ListIdentifiers and ListRecords, for one request. */
final class OaiListing {

    private final ArticleChanges changes;
    private final ArticleCatalog catalog;
    private final OaiSets sets;
    private final OaiIdentifiers ids;
    private final PublicLinks links;
    private final InteropProperties properties;
    private final Instant now;

    OaiListing(ArticleChanges changes, ArticleCatalog catalog, OaiSets sets, OaiIdentifiers ids, PublicLinks links,
               InteropProperties properties, Instant now) {
        this.changes = changes;
        this.catalog = catalog;
        this.sets = sets;
        this.ids = ids;
        this.links = links;
        this.properties = properties;
        this.now = now;
    }

    Body metadataFormats(String identifier) {
        if (identifier != null) {
            String doi = doi(identifier);
            OaiRepository.require(catalog.find(doi), identifier);
        }
        return xml -> {
            xml.start("ListMetadataFormats");
            format(xml, DublinCore.PREFIX, DublinCore.SCHEMA, DublinCore.NAMESPACE);
            format(xml, JatsPayload.PREFIX, JatsPayload.SCHEMA, JatsPayload.NAMESPACE);
            xml.end();
        };
    }

    private static void format(XmlOut xml, String prefix, String schema, String namespace) {
        xml.start("metadataFormat").element("metadataPrefix", prefix).element("schema", schema)
                .element("metadataNamespace", namespace).end();
    }

    Body getRecord(String identifier, String prefix) {
        checkPrefix(prefix);
        StoredArticle stored = OaiRepository.require(catalog.find(doi(identifier)), identifier);
        Change change = new Change(stored.article().doi(), stored.version(), stored.importedAt(),
                stored.article().journal().key(), stored.article().articleType());
        byte[] jats = jatsOf(change, prefix);
        return xml -> {
            xml.start("GetRecord");
            record(xml, change, stored, jats);
            xml.end();
        };
    }

    /** ListIdentifiers ({@code records} false) or ListRecords: one page of the list and the token for the next. */
    Body list(OaiRequest r, boolean records) {
        ResumptionToken token = r.arg("resumptionToken") == null ? null : ResumptionToken.decode(r.arg("resumptionToken"), now);
        String prefix = token != null ? token.metadataPrefix() : r.arg("metadataPrefix");
        checkPrefix(prefix);
        String setSpec = token != null ? token.set() : r.arg("set");
        OaiSet set = setSpec == null ? null : set(setSpec);
        Window window;
        long total;
        int cursor;
        if (token != null) {
            window = OaiRepository.window(token.asOf(), token.from(), token.until(), set);
            total = token.completeListSize();
            cursor = token.cursor();
        } else {
            window = firstWindow(r, set);
            total = changes.count(window);
            cursor = 0;
        }
        List<Change> page = changes.page(window, token == null ? null : token.after(), properties.oaiPageSize() + 1);
        if (page.isEmpty() && token == null) {
            throw new OaiError("noRecordsMatch", "No record matches the request's from, until and set.");
        }
        boolean more = page.size() > properties.oaiPageSize();
        List<Change> shown = more ? page.subList(0, properties.oaiPageSize()) : page;
        List<StoredArticle> articles = new ArrayList<>();
        List<byte[]> sources = new ArrayList<>();
        if (records) {
            // A JATS record is the stored source alone; only Dublin Core needs the article read.
            for (Change c : shown) {
                byte[] jats = jatsOf(c, prefix);
                sources.add(jats);
                articles.add(jats != null ? null : OaiRepository.require(catalog.find(c.doi(), c.version()), c.doi()));
            }
        }
        ResumptionToken next = more ? new ResumptionToken(prefix, setSpec, window.from(), window.until(), window.asOf(),
                shown.get(shown.size() - 1).storedAt(), shown.get(shown.size() - 1).doi(), cursor + shown.size(), total,
                now.plus(properties.oaiTokenLifetime())) : null;
        return xml -> {
            xml.start(records ? "ListRecords" : "ListIdentifiers");
            for (int i = 0; i < shown.size(); i++) {
                if (records) {
                    record(xml, shown.get(i), articles.get(i), sources.get(i));
                } else {
                    header(xml, shown.get(i));
                }
            }
            if (token != null || more) {
                // The last page of a list carries an empty token, which ends it.
                xml.start("resumptionToken").attr("completeListSize", Long.toString(Math.max(total, cursor + shown.size())))
                        .attr("cursor", Integer.toString(cursor));
                if (next != null) {
                    xml.attr("expirationDate", OaiDates.format(next.expires())).text(next.encode());
                }
                xml.end();
            }
            xml.end();
        };
    }

    private Window firstWindow(OaiRequest r, OaiSet set) {
        OaiDates.Bound from = r.arg("from") == null ? null : OaiDates.parse("from", r.arg("from"));
        OaiDates.Bound until = r.arg("until") == null ? null : OaiDates.parse("until", r.arg("until"));
        if (from != null && until != null) {
            if (from.day() != until.day()) {
                throw OaiError.badArgument("The arguments 'from' and 'until' must have the same granularity (both dates, or both date and time).");
            }
            if (from.start().isAfter(until.start())) {
                throw OaiError.badArgument("The argument 'from' (" + r.arg("from") + ") is later than 'until' (" + r.arg("until") + ").");
            }
        }
        // The list is taken as of now: what is imported while the harvest pages through it waits for the next one.
        return OaiRepository.window(now, from == null ? null : from.start(), until == null ? null : until.end(), set);
    }

    private OaiSet set(String spec) {
        List<OaiSet> all = sets.all();
        if (all.isEmpty()) {
            throw new OaiError("noSetHierarchy", "The repository holds no articles yet, so it has no sets.");
        }
        return all.stream().filter(s -> s.spec().equals(spec)).findFirst()
                .orElseThrow(() -> new OaiError("noRecordsMatch", "There is no set '" + spec + "'; ListSets names them."));
    }

    private static void checkPrefix(String prefix) {
        if (!DublinCore.PREFIX.equals(prefix) && !JatsPayload.PREFIX.equals(prefix)) {
            throw new OaiError("cannotDisseminateFormat", "The metadataPrefix '" + prefix + "' is not one this repository offers: "
                    + DublinCore.PREFIX + " or " + JatsPayload.PREFIX + ".");
        }
    }

    private String doi(String identifier) {
        return ids.doi(identifier).orElseThrow(() -> new OaiError("idDoesNotExist",
                "'" + identifier + "' is not an identifier of this repository (they look like " + ids.of("10.1234/example") + ")."));
    }

    private byte[] jatsOf(Change c, String prefix) {
        if (!JatsPayload.PREFIX.equals(prefix)) {
            return null;
        }
        return catalog.jatsSource(c.doi(), c.version()).orElseThrow(() -> new OaiError("idDoesNotExist",
                "The JATS source of " + c.doi() + " is missing."));
    }

    private void header(XmlOut xml, Change c) {
        xml.start("header").element("identifier", ids.of(c.doi())).element("datestamp", OaiDates.format(c.storedAt()));
        OaiRepository.specs(c).forEach(s -> xml.element("setSpec", s));
        xml.end();
    }

    /** A record: its header, then the JATS source when given, else the article ({@code stored}) as Dublin Core. */
    private void record(XmlOut xml, Change c, StoredArticle stored, byte[] jats) throws XMLStreamException {
        xml.start("record");
        header(xml, c);
        xml.start("metadata");
        if (jats != null) {
            JatsPayload.copy(c.doi(), jats, xml.writer());
        } else {
            DublinCore.write(xml, stored.article(), links.absolute(links.article(stored.article().doi())));
        }
        xml.end().end();
    }
}

package org.recto.interop;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

import javax.xml.XMLConstants;
import javax.xml.catalog.CatalogFeatures;
import javax.xml.catalog.CatalogManager;
import javax.xml.catalog.CatalogResolver;
import javax.xml.transform.Source;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.Schema;
import javax.xml.validation.SchemaFactory;
import javax.xml.validation.Validator;

import org.recto.support.SharedData;
import org.xml.sax.SAXParseException;
import org.xml.sax.helpers.DefaultHandler;

/**
 * The standards' own schemas from ../shared/data/schemas, loaded offline through their XML catalogs with
 * the JDK's default SchemaFactory, and a validator that reports every error (not just the first).
 */
public final class InteropSchemas {

    private static Schema oai;
    private static Schema crossref;
    private static Schema sitemap;
    private static Schema siteIndex;
    private static Schema jats;

    private InteropSchemas() {
    }

    static Path dir(String name) {
        return SharedData.dir().resolve("data/schemas").resolve(name);
    }

    /** OAI-PMH responses, with oai_dc records and JATS records (Crossref's namespaced JATS 1.3). */
    public static synchronized Schema oai() {
        if (oai == null) {
            oai = load(List.of(dir("oai-pmh/catalog.xml"), dir("crossref-5.3.1/catalog.xml")),
                    dir("oai-pmh/OAI-PMH.xsd"), dir("oai-pmh/oai_dc.xsd"),
                    dir("crossref-5.3.1/JATS-journalpublishing1-3d2-mathml3.xsd"));
        }
        return oai;
    }

    /** NISO JATS 1.3 Journal Publishing, no namespace: what an imported document is checked against. */
    public static synchronized Schema jats() {
        if (jats == null) {
            jats = load(List.of(dir("crossref-5.3.1/catalog.xml")), dir("jats-1.3/JATS-journalpublishing1-3-mathml3.xsd"));
        }
        return jats;
    }

    public static synchronized Schema crossref() {
        if (crossref == null) {
            crossref = load(List.of(dir("crossref-5.3.1/catalog.xml")), dir("crossref-5.3.1/crossref5.3.1.xsd"));
        }
        return crossref;
    }

    public static synchronized Schema sitemap() {
        if (sitemap == null) {
            sitemap = load(List.of(dir("sitemaps/catalog.xml")), dir("sitemaps/sitemap.xsd"));
        }
        return sitemap;
    }

    public static synchronized Schema siteIndex() {
        if (siteIndex == null) {
            siteIndex = load(List.of(dir("sitemaps/catalog.xml")), dir("sitemaps/siteindex.xsd"));
        }
        return siteIndex;
    }

    private static Schema load(List<Path> catalogs, Path... xsds) {
        try {
            SchemaFactory sf = SchemaFactory.newDefaultInstance();
            sf.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "file");
            sf.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "file");
            CatalogResolver cr = CatalogManager.catalogResolver(
                    CatalogFeatures.builder().with(CatalogFeatures.Feature.RESOLVE, "continue").build(),
                    catalogs.stream().map(Path::toUri).toArray(URI[]::new));
            // The JDK's CatalogResolver fails on an <xs:import> without schemaLocation; those pass through.
            sf.setResourceResolver((type, ns, pub, sys, base) -> sys == null ? null : cr.resolveResource(type, ns, pub, sys, base));
            Source[] sources = Arrays.stream(xsds).map(p -> new StreamSource(p.toFile())).toArray(Source[]::new);
            return sf.newSchema(sources);
        } catch (Exception e) {
            throw new IllegalStateException("cannot load the schemas " + Arrays.toString(xsds), e);
        }
    }

    /** Every validation error of the document, as "line N: message"; empty when it is valid. */
    public static List<String> errors(Schema schema, String xml) {
        return errors(schema, xml.getBytes(StandardCharsets.UTF_8));
    }

    public static List<String> errors(Schema schema, byte[] xml) {
        List<String> errors = new java.util.ArrayList<>();
        Validator validator = schema.newValidator();
        validator.setErrorHandler(new DefaultHandler() {
            @Override
            public void error(SAXParseException e) {
                errors.add("line " + e.getLineNumber() + ": " + e.getMessage());
            }

            @Override
            public void fatalError(SAXParseException e) {
                errors.add("line " + e.getLineNumber() + ": " + e.getMessage());
            }
        });
        try {
            // A source's DOCTYPE names a DTD that is not here (and is never read): parse without it.
            javax.xml.parsers.SAXParserFactory spf = javax.xml.parsers.SAXParserFactory.newDefaultInstance();
            spf.setNamespaceAware(true);
            spf.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
            org.xml.sax.XMLReader reader = spf.newSAXParser().getXMLReader();
            validator.validate(new javax.xml.transform.sax.SAXSource(reader, new org.xml.sax.InputSource(new ByteArrayInputStream(xml))));
        } catch (Exception e) {
            errors.add(e.getMessage());
        }
        return errors;
    }
}

package org.recto.formats.internal;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.recto.article.StoredArticle;
import org.recto.formats.CitationFormats;
import org.recto.formats.CitePanel;
import org.recto.web.DoiRoute;
import org.springframework.stereotype.Component;
import org.springframework.web.util.UriUtils;

import de.undercouch.citeproc.csl.CSLItemData;

/** "Cite this article" for the landing page and the {@code /cite} route. */
@Component
public class CitationService implements CitationFormats {

    /** The picker's choices beyond the common styles. */
    private static final List<CitationStyles.Style> MORE = List.of(
            new CitationStyles.Style("chicago-note-bibliography", "Chicago (notes and bibliography)"),
            new CitationStyles.Style("american-medical-association", "AMA"),
            new CitationStyles.Style("american-chemical-society", "ACS"),
            new CitationStyles.Style("nature", "Nature"),
            new CitationStyles.Style("elife", "eLife"),
            new CitationStyles.Style("council-of-science-editors", "CSE"),
            new CitationStyles.Style("turabian-fullnote-bibliography", "Turabian"));

    private final CitationStyles styles = new CitationStyles();

    public CitationStyles styles() {
        return styles;
    }

    /** The CSL item of a version, and the key its formatted references are kept under. */
    public CSLItemData item(StoredArticle stored) {
        return CitationItems.of(stored.article());
    }

    public String key(StoredArticle stored) {
        return stored.article().doi().toLowerCase(java.util.Locale.ROOT) + "#" + stored.version();
    }

    @Override
    public CitePanel citePanel(StoredArticle stored) {
        CSLItemData item = item(stored);
        String action = DoiRoute.Scope.PAGE.path(UriUtils.encodePath(stored.article().doi(), StandardCharsets.UTF_8), "cite");
        String version = stored.isLatest() ? "" : "&version=" + stored.version();
        List<CitePanel.Reference> references = new ArrayList<>();
        for (CitationStyles.Style s : CitationStyles.COMMON) {
            references.add(new CitePanel.Reference(s.id(), s.label(), styles.html(key(stored), item, s.id())));
        }
        List<CitePanel.Choice> picker = new ArrayList<>();
        CitationStyles.COMMON.forEach(s -> picker.add(new CitePanel.Choice(s.id(), s.label())));
        MORE.stream().filter(s -> styles.exists(s.id())).forEach(s -> picker.add(new CitePanel.Choice(s.id(), s.label())));
        List<CitePanel.Choice> downloads = List.of(
                new CitePanel.Choice(action + "?format=ris" + version, "RIS"),
                new CitePanel.Choice(action + "?format=bibtex" + version, "BibTeX"),
                new CitePanel.Choice(action + "?format=enw" + version, "EndNote"),
                new CitePanel.Choice(action + "?format=csl-json" + version, "CSL-JSON"));
        return new CitePanel(action, stored.isLatest() ? null : stored.version(), references, picker, downloads,
                styles.count());
    }
}

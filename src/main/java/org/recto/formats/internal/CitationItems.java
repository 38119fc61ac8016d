package org.recto.formats.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.recto.article.Abstract;
import org.recto.article.Article;
import org.recto.article.Contributor;
import org.recto.article.Html;
import org.recto.article.KeywordGroup;
import org.recto.article.PubDate;

import de.undercouch.citeproc.csl.CSLDateBuilder;
import de.undercouch.citeproc.csl.CSLItemData;
import de.undercouch.citeproc.csl.CSLItemDataBuilder;
import de.undercouch.citeproc.csl.CSLName;
import de.undercouch.citeproc.csl.CSLNameBuilder;
import de.undercouch.citeproc.csl.CSLType;

/**
 * An article as CSL item data, the one description every export and style is made from. Names keep their
 * particles apart ("van der Berg": particle "van der", family "Berg"), so that styles sort and abbreviate
 * them as they should; a collaboration is a literal name.
 */
public final class CitationItems {

    /** Lower-case words that open a surname as a particle (Dutch, German, French, Spanish, Portuguese, Italian). */
    private static final Set<String> PARTICLES = Set.of("van", "von", "der", "den", "de", "del", "della", "di", "da",
            "du", "des", "la", "le", "ter", "ten", "zu", "dos", "das", "do", "y", "af", "av");

    private CitationItems() {
    }

    public static CSLItemData of(Article a) {
        CSLItemDataBuilder b = new CSLItemDataBuilder()
                .id(a.doi())
                .type(CSLType.ARTICLE_JOURNAL)
                .title(a.titleText())
                .author(a.authors().stream().map(CitationItems::name).toArray(CSLName[]::new))
                .containerTitle(a.journal().title())
                .DOI(a.doi())
                .URL("https://doi.org/" + a.doi());
        if (a.volume() != null) {
            b.volume(a.volume());
        }
        if (a.issue() != null) {
            b.issue(a.issue());
        }
        String pages = pages(a);
        if (pages != null) {
            b.page(pages);
        }
        String issn = a.journal().issnElectronic() != null ? a.journal().issnElectronic() : a.journal().issnPrint();
        if (issn != null) {
            b.ISSN(issn);
        }
        if (a.journal().publisher() != null) {
            b.publisher(a.journal().publisher());
        }
        PubDate date = a.publicationDate();
        if (date != null && date.year() != null) {
            b.issued(new CSLDateBuilder().dateParts(dateParts(date)).build());
        }
        if (a.language() != null && !a.language().isBlank()) {
            b.language(a.language());
        }
        a.abstracts().stream().filter(x -> x.type() == null).findFirst().map(Abstract::html).map(Html::toText)
                .filter(t -> !t.isBlank()).ifPresent(b::abstrct);
        List<String> keywords = a.keywordGroups().stream().map(KeywordGroup::keywords).flatMap(List::stream).toList();
        if (!keywords.isEmpty()) {
            b.keyword(String.join(", ", keywords));
        }
        return b.build();
    }

    static String pages(Article a) {
        if (a.firstPage() == null) {
            return a.elocationId();
        }
        return a.lastPage() == null || a.lastPage().equals(a.firstPage()) ? a.firstPage() : a.firstPage() + "-" + a.lastPage();
    }

    private static int[] dateParts(PubDate d) {
        if (d.month() == null) {
            return new int[] {d.year()};
        }
        return d.day() == null ? new int[] {d.year(), d.month()} : new int[] {d.year(), d.month(), d.day()};
    }

    static CSLName name(Contributor c) {
        if (c.collab() != null && !c.collab().isBlank()) {
            return new CSLNameBuilder().literal(c.collab().strip()).isInstitution(true).build();
        }
        String surname = c.surname() == null ? "" : c.surname().strip();
        String particle = null;
        String[] words = surname.split("\\s+");
        int i = 0;
        while (i < words.length - 1 && PARTICLES.contains(words[i]) && words[i].equals(words[i].toLowerCase(Locale.ROOT))) {
            i++;
        }
        if (i > 0) {
            particle = String.join(" ", java.util.Arrays.copyOfRange(words, 0, i));
            surname = String.join(" ", java.util.Arrays.copyOfRange(words, i, words.length));
        }
        CSLNameBuilder b = new CSLNameBuilder().family(surname);
        if (c.givenNames() != null && !c.givenNames().isBlank()) {
            b.given(c.givenNames().strip());
        }
        if (particle != null) {
            b.nonDroppingParticle(particle);
        }
        if (c.suffix() != null && !c.suffix().isBlank()) {
            b.suffix(c.suffix().strip());
        }
        return b.build();
    }

    /** The family name with its particle, as an export writes it ("van der Berg"). */
    static String familyWithParticle(CSLName n) {
        List<String> parts = new ArrayList<>();
        if (n.getDroppingParticle() != null) {
            parts.add(n.getDroppingParticle());
        }
        if (n.getNonDroppingParticle() != null) {
            parts.add(n.getNonDroppingParticle());
        }
        if (n.getFamily() != null) {
            parts.add(n.getFamily());
        }
        return String.join(" ", parts);
    }
}

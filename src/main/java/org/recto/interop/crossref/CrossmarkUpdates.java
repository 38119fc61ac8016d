package org.recto.interop.crossref;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.recto.article.Article;
import org.recto.article.PubDate;
import org.recto.article.RelatedArticle;
import org.recto.article.StoredArticle;

/**
 * The Crossmark {@code updates} a notice carries: for each article it corrects, retracts or expresses
 * concern about ({@code related-article} corrected-article, retracted-article, object-of-concern), the
 * update's type and the notice's publication date. The original article carries none; Crossref links it
 * to its notices from theirs.
 */
final class CrossmarkUpdates {

    /** One {@code <update type="…" date="…">DOI</update>}. */
    record Update(String type, LocalDate date, String doi) {
    }

    private CrossmarkUpdates() {
    }

    static List<Update> of(StoredArticle stored) {
        Article a = stored.article();
        List<Update> updates = new ArrayList<>();
        for (RelatedArticle r : a.relatedArticles()) {
            String type = type(r.type(), a.articleType());
            if (type != null && r.doi() != null && CrossrefText.isDoi(r.doi())
                    && updates.stream().noneMatch(u -> u.doi().equalsIgnoreCase(r.doi()))) {
                updates.add(new Update(type, date(stored), r.doi()));
            }
        }
        return updates;
    }

    private static String type(String relation, String articleType) {
        String kind = articleType == null ? "" : articleType.toLowerCase(Locale.ROOT);
        return switch (relation == null ? "" : relation) {
            case "corrected-article" -> kind.equals("erratum") ? "erratum" : kind.equals("addendum") ? "addendum" : "correction";
            case "retracted-article" -> kind.equals("partial-retraction") ? "partial_retraction"
                    : kind.equals("removal") ? "removal" : kind.equals("withdrawal") ? "withdrawal" : "retraction";
            case "object-of-concern", "expressed-concern" -> "expression_of_concern";
            default -> null;
        };
    }

    /** The notice's publication date (a partial date from its first day), else the day it was stored. */
    private static LocalDate date(StoredArticle stored) {
        PubDate d = stored.article().publicationDate();
        if (d != null && d.year() != null) {
            return LocalDate.of(d.year(), d.month() == null ? 1 : d.month(), d.month() == null || d.day() == null ? 1 : d.day());
        }
        return stored.importedAt().atZone(ZoneOffset.UTC).toLocalDate();
    }
}

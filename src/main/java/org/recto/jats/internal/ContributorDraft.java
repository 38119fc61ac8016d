package org.recto.jats.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.recto.article.AuthorNote;
import org.recto.article.Contributor;

/**
 * A contributor as its contrib element gives it; what the author notes and footnotes say of it
 * (corresponding, equal contribution, deceased, an email) is known only once the whole article has
 * been read, see {@link #resolve}.
 */
final class ContributorDraft {
    String role;
    String surname;
    String givenNames;
    String prefix;
    String suffix;
    String collab;
    String orcid;
    String email;
    final List<String> affiliationIds = new ArrayList<>();
    final List<String> noteIds = new ArrayList<>();
    boolean corresponding;
    boolean equalContribution;
    boolean deceased;

    /**
     * The contributor, given the author notes by id, the number of emails of each correspondence
     * note, and the fn-type of every note of the article by id.
     */
    Contributor resolve(Map<String, AuthorNote> notesById, Map<String, Integer> correspondenceEmails,
            Map<String, String> fnTypes) {
        for (String nid : noteIds) {
            AuthorNote n = notesById.get(nid);
            if (n != null && n.kind().equals("corresp")) {
                corresponding = true;
                if (email == null && n.email() != null && correspondenceEmails.getOrDefault(nid, 0) == 1) {
                    email = n.email();
                }
            }
            String type = fnTypes.get(nid);
            if (type != null) {
                switch (type) {
                    case "equal", "equal-contrib", "equal-contribution", "equal-contributor" -> equalContribution = true;
                    case "deceased" -> deceased = true;
                    case "corresp" -> corresponding = true;
                    default -> {
                    }
                }
            }
        }
        return new Contributor(role, surname, givenNames, prefix, suffix, collab, orcid, email, affiliationIds,
                noteIds, corresponding, equalContribution, deceased);
    }
}

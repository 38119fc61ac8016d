package org.recto.jats.internal;

import java.util.ArrayList;
import java.util.List;

import org.recto.article.Affiliation;

/**
 * Reads contrib-groups and the affiliations of the front matter: each contributor with its name,
 * ORCID, email and the ids of its affiliations and notes. One instance per document.
 */
final class ContributorsReader {

    private final XmlCursor x;
    private final AffiliationReader affs;
    private final List<ContributorDraft> contributors = new ArrayList<>();
    private final List<Affiliation> affiliations = new ArrayList<>();

    ContributorsReader(XmlCursor x) {
        this.x = x;
        this.affs = new AffiliationReader(x);
    }

    List<ContributorDraft> contributors() {
        return contributors;
    }

    List<Affiliation> affiliations() {
        return affiliations;
    }

    /** Reads the current aff element. */
    Affiliation affiliation() {
        Affiliation a = affs.aff();
        affiliations.add(a);
        return a;
    }

    /** Reads the current aff-alternatives element: its first aff serves. */
    Affiliation affiliationAlternatives() {
        Affiliation a = affs.firstAff();
        affiliations.add(a);
        return a;
    }

    /** Reads the current contrib-group. */
    void contribGroup() {
        List<ContributorDraft> group = new ArrayList<>();
        List<String> groupAffs = new ArrayList<>();
        x.forEachElement(name -> {
            switch (name) {
                case "contrib" -> group.add(contrib());
                case "aff", "aff-alternatives" -> {
                    boolean hasId = name.equals("aff") && x.attr("id") != null && !x.attr("id").isBlank();
                    Affiliation a = name.equals("aff") ? affiliation() : affiliationAlternatives();
                    if (!hasId) {
                        // an aff in a contrib-group that no xref can point to belongs to the whole group
                        groupAffs.add(a.id());
                    }
                }
                default -> x.skip();
            }
        });
        for (ContributorDraft c : group) {
            if (c.affiliationIds.isEmpty()) {
                c.affiliationIds.addAll(groupAffs);
            }
        }
        contributors.addAll(group);
    }

    private ContributorDraft contrib() {
        ContributorDraft c = new ContributorDraft();
        String type = x.attr("contrib-type");
        c.role = type == null || type.isBlank() ? "author" : type.strip();
        c.corresponding = "yes".equals(x.attr("corresp"));
        c.equalContribution = "yes".equals(x.attr("equal-contrib"));
        c.deceased = "yes".equals(x.attr("deceased"));
        x.forEachElement(name -> contribChild(c, name));
        return c;
    }

    private void contribChild(ContributorDraft c, String name) {
        switch (name) {
            case "name" -> {
                if (c.surname == null && c.givenNames == null) {
                    name(c);
                } else {
                    x.skip();
                }
            }
            case "name-alternatives" -> x.forEachElement(n -> {
                if ((n.equals("name") || n.equals("string-name")) && c.surname == null && c.givenNames == null) {
                    name(c);
                } else {
                    x.skip();
                }
            });
            case "string-name" -> name(c);
            case "collab" -> c.collab = c.collab == null ? collab() : x.skipKeeping(c.collab);
            case "collab-alternatives" -> x.forEachElement(n -> {
                if (n.equals("collab") && c.collab == null) {
                    c.collab = collab();
                } else {
                    x.skip();
                }
            });
            case "contrib-id" -> {
                String idType = x.attr("contrib-id-type");
                String v = x.text();
                if (c.orcid == null && ("orcid".equalsIgnoreCase(idType) || v.contains("orcid.org"))) {
                    c.orcid = Text.orcid(v);
                }
            }
            case "email" -> {
                String v = x.text();
                if (c.email == null && !v.isEmpty()) {
                    c.email = v;
                }
            }
            case "address" -> x.forEachElement(n -> {
                if (n.equals("email") && c.email == null) {
                    c.email = Text.blankToNull(x.text());
                } else {
                    x.skip();
                }
            });
            case "xref" -> xref(c);
            case "aff" -> {
                Affiliation a = affiliation();
                addOnce(c.affiliationIds, a.id());
                if (c.email == null) {
                    c.email = affs.lastEmail(); // eLife puts an Insight author's email in the aff
                }
            }
            case "aff-alternatives" -> addOnce(c.affiliationIds, affiliationAlternatives().id());
            default -> x.skip();
        }
    }

    private void xref(ContributorDraft c) {
        String refType = x.attr("ref-type");
        String rid = x.attr("rid");
        x.skip();
        if (rid == null || refType == null) {
            return;
        }
        for (String r : tokens(rid)) {
            switch (refType) {
                case "aff" -> addOnce(c.affiliationIds, r);
                case "corresp" -> {
                    addOnce(c.noteIds, r);
                    c.corresponding = true;
                }
                case "fn", "author-notes" -> addOnce(c.noteIds, r);
                default -> {
                }
            }
        }
    }

    /** The space-separated ids of an IDREFS attribute such as rid. */
    private static List<String> tokens(String s) {
        List<String> out = new ArrayList<>(2);
        int n = s.length();
        int i = 0;
        while (i < n) {
            while (i < n && Text.isXmlSpace(s.charAt(i))) {
                i++;
            }
            int start = i;
            while (i < n && !Text.isXmlSpace(s.charAt(i))) {
                i++;
            }
            if (i > start) {
                out.add(s.substring(start, i));
            }
        }
        return out;
    }

    private static void addOnce(List<String> list, String value) {
        if (!list.contains(value)) {
            list.add(value);
        }
    }

    /** name or string-name: the tagged parts, or for an untagged string-name the whole text as the surname. */
    private void name(ContributorDraft c) {
        StringBuilder loose = new StringBuilder();
        boolean[] tagged = {false};
        x.forEachChild(() -> x.appendText(loose), name -> {
            switch (name) {
                case "surname" -> {
                    c.surname = Text.blankToNull(x.text());
                    tagged[0] = true;
                }
                case "given-names" -> {
                    c.givenNames = Text.blankToNull(x.text());
                    tagged[0] = true;
                }
                case "prefix" -> c.prefix = Text.blankToNull(x.text());
                case "suffix" -> c.suffix = Text.blankToNull(x.text());
                default -> loose.append(' ').append(x.text()).append(' ');
            }
        });
        if (!tagged[0]) {
            c.surname = Text.blankToNull(Text.normalize(loose));
        }
    }

    /** A group's name: its text without the nested contrib-group that lists its members. */
    private String collab() {
        StringBuilder sb = new StringBuilder();
        x.forEachChild(() -> x.appendText(sb), name -> {
            switch (name) {
                case "contrib-group", "xref", "fn", "aff", "address", "email" -> x.skip();
                default -> x.appendTextContent(sb);
            }
        });
        return Text.blankToNull(Text.normalize(sb));
    }
}

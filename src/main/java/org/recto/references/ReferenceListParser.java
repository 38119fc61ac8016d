package org.recto.references;

import org.recto.references.internal.ConventionContext;

/**
 * Parses the strings of one reference list (one paper's references, one file of them) in order.
 * The strings of a list follow one labelling convention, so each string's convention is judged
 * with the strings before it as well as by itself; a string the style classifier is unsure of
 * follows its neighbours. Where neighbours disagree at random nothing changes (see {@link
 * ConventionContext}). Answers depend only on earlier strings, never on later ones.
 *
 * <p>Not thread-safe: one per list, from {@link ReferenceParser#forList()}.
 */
public final class ReferenceListParser {

    private final ReferenceParser parser;
    private final LabelConvention convention;
    private final ConventionContext context;

    ReferenceListParser(ReferenceParser parser, LabelConvention convention, ConventionContext context) {
        this.parser = parser;
        this.convention = convention;
        this.context = context;
    }

    /** Parses the list's next string; never throws for any non-null string. */
    public ParsedReference parse(String text) {
        return parser.parse(text, convention, context);
    }
}

package org.recto.references;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.recto.references.internal.ConventionContext;
import org.recto.references.internal.CrfModel;
import org.recto.references.internal.Features;
import org.recto.references.internal.Span;
import org.recto.references.internal.StyleClassifier;
import org.recto.references.internal.Tokenizer;
import org.recto.references.internal.Tokens;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * Parses one reference string into labelled fields (author, title, journal, date, volume, pages, …)
 * with the linear-chain CRF shipped in this module's resources. Thread-safe; build one and share it.
 *
 * <p>Any string is accepted: empty or blank gives no fields; a very long string is labelled in
 * windows of {@link #WINDOW} tokens, so time and memory grow linearly with its length.
 */
@Component
public class ReferenceParser {

    /** The model shipped in the jar. */
    public static final String MODEL_RESOURCE = "/org/recto/references/model.crf.gz";

    /** Tokens decoded together; real references have a few dozen, so only hostile input is cut. */
    public static final int WINDOW = 1024;

    private final CrfModel model;

    /** The parser with the shipped model. */
    @Autowired
    public ReferenceParser() {
        this(loadShipped());
    }

    private ReferenceParser(CrfModel model) {
        this.model = model;
    }

    /** A parser with the shipped model. */
    public static ReferenceParser withShippedModel() {
        return new ReferenceParser();
    }

    /** A parser with a model file written by {@code refs-train}. */
    public static ReferenceParser withModel(Path modelFile) {
        try (InputStream in = Files.newInputStream(modelFile)) {
            return new ReferenceParser(CrfModel.read(in));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the reference model " + modelFile + ": " + e.getMessage(), e);
        }
    }

    private static CrfModel loadShipped() {
        try (InputStream in = ReferenceParser.class.getResourceAsStream(MODEL_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("the reference model " + MODEL_RESOURCE
                        + " is missing from the class path; run refs-train");
            }
            return CrfModel.read(in);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the reference model: " + e.getMessage(), e);
        }
    }

    /** The labels this parser can give. */
    public List<String> labels() {
        return model.labels();
    }

    /** Parses one reference string; never throws for any non-null string. */
    public ParsedReference parse(String text) {
        return parse(text, LabelConvention.AUTO);
    }

    /** Parses one reference string into fields that follow {@code convention}. */
    public ParsedReference parse(String text, LabelConvention convention) {
        return parse(text, convention, null);
    }

    /**
     * A parser for the strings of one reference list, given in order, which lets each string's
     * neighbours help decide its labelling convention (see {@link ReferenceListParser}).
     */
    public ReferenceListParser forList() {
        return forList(LabelConvention.AUTO);
    }

    /** The same, following {@code convention}; only {@link LabelConvention#AUTO} looks at neighbours. */
    public ReferenceListParser forList(LabelConvention convention) {
        return new ReferenceListParser(this, convention,
                convention == LabelConvention.AUTO ? model.newConventionContext() : null);
    }

    ParsedReference parse(String text, LabelConvention convention, ConventionContext context) {
        if (text == null) {
            throw new IllegalArgumentException("no reference string");
        }
        int style = switch (convention) {
            case AUTO -> 0;
            case ANYSTYLE -> StyleClassifier.ANYSTYLE;
            case GROBID -> StyleClassifier.GROBID;
        };
        List<Field> fields = new ArrayList<>();
        for (Span s : spans(text, style, context)) {
            fields.add(new Field(s.label(), text.substring(s.start(), s.end()), s.start(), s.end()));
        }
        return new ParsedReference(text, fields);
    }

    private List<Span> spans(String text, int style, ConventionContext context) {
        Tokens all = Tokenizer.tokenize(text);
        if (all.size() <= WINDOW) {
            return tag(all, style, context);
        }
        List<Span> out = new ArrayList<>();
        for (int from = 0; from < all.size(); from += WINDOW) {
            int to = Math.min(all.size(), from + WINDOW);
            Tokens window = new Tokens(text, Arrays.copyOfRange(all.start(), from, to),
                    Arrays.copyOfRange(all.end(), from, to), to - from);
            out.addAll(tag(window, style, context));
        }
        return out;
    }

    private List<Span> tag(Tokens toks, int style, ConventionContext context) {
        if (context == null || style != 0) {
            return model.tag(toks, style);
        }
        return model.tag(Features.analyse(toks), context);
    }
}

package org.recto.references.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.recto.references.ReferenceParser;
import org.recto.references.training.Sample;
import org.recto.references.training.TrainingData;
import org.recto.support.SharedData;

/**
 * The parser's own choice of convention: a string the style classifier is unsure about is labelled
 * wholly in one convention or wholly in the other, never in a mixture of the two.
 */
class ConventionDecodingTest {

    @Test
    void anUnsureStringFollowsOneConventionWhole() throws Exception {
        CrfModel model;
        try (InputStream in = ReferenceParser.class.getResourceAsStream(ReferenceParser.MODEL_RESOURCE)) {
            model = CrfModel.read(in);
        }
        // CORA strings stand in both sources, labelled each source's way: the classifier's hardest case
        List<Sample> strings = new ArrayList<>(TrainingData.readFile(
                SharedData.dir().resolve("refs/train/anystyle/core.xml")));
        strings.addAll(TrainingData.readFile(SharedData.dir().resolve("refs/train/grobid/corpus/citations.xml")));
        int unsure = 0;
        int sure = 0;
        for (Sample s : strings) {
            Tokens toks = Tokenizer.tokenize(s.text());
            int band = model.style(toks);
            List<Span> chosen = model.tag(toks, 0);
            List<Span> asAnyStyle = model.tag(toks, StyleClassifier.ANYSTYLE);
            List<Span> asGrobid = model.tag(toks, StyleClassifier.GROBID);
            if (band == StyleClassifier.sureBand(StyleClassifier.ANYSTYLE)) {
                assertThat(chosen).as(s.text()).isEqualTo(asAnyStyle);
                sure++;
            } else if (band == StyleClassifier.sureBand(StyleClassifier.GROBID)) {
                assertThat(chosen).as(s.text()).isEqualTo(asGrobid);
                sure++;
            } else {
                assertThat(chosen).as(s.text()).isIn(asAnyStyle, asGrobid);
                unsure++;
            }
        }
        assertThat(unsure).isGreaterThan(20);
        assertThat(sure).isGreaterThan(unsure);
    }
}

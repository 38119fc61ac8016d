package org.recto.references;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.recto.references.training.Sample;
import org.recto.references.training.TrainingData;
import org.recto.support.SharedData;

/**
 * A list's strings help judge each other's labelling convention: after a run of GROBID-style
 * strings a string is labelled GROBID's way, after a run of AnyStyle-style strings AnyStyle's way.
 */
class ReferenceListParserTest {

    private static ReferenceParser parser;
    private static List<String> grobid;
    private static List<String> anyStyle;

    @BeforeAll
    static void load() {
        parser = ReferenceParser.withShippedModel();
        grobid = texts("refs/train/grobid/evaluation");
        anyStyle = texts("refs/train/anystyle/gold.xml");
    }

    private static List<String> texts(String path) {
        java.nio.file.Path p = SharedData.dir().resolve(path);
        List<Sample> samples = java.nio.file.Files.isDirectory(p) ? TrainingData.readDirectory(p) : TrainingData.readFile(p);
        return samples.stream().map(Sample::text).toList();
    }

    @Test
    void aStringFollowsTheConventionOfTheListItStandsIn() {
        // strings whose labelling differs between the two conventions, from both sources
        List<String> differing = new ArrayList<>();
        for (String s : interleave(grobid.subList(100, 200), anyStyle.subList(100, 200))) {
            if (!fields(parser.parse(s, LabelConvention.GROBID)).equals(fields(parser.parse(s, LabelConvention.ANYSTYLE)))) {
                differing.add(s);
            }
        }
        assertThat(differing).hasSizeGreaterThan(10);
        for (String s : differing.subList(0, 10)) {
            List<String> asGrobid = fields(parser.parse(s, LabelConvention.GROBID));
            List<String> asAnyStyle = fields(parser.parse(s, LabelConvention.ANYSTYLE));
            assertThat(fields(after(grobid.subList(0, 40), s))).as(s).isEqualTo(asGrobid);
            assertThat(fields(after(anyStyle.subList(0, 40), s))).as(s).isEqualTo(asAnyStyle);
        }
    }

    @Test
    void theFirstStringOfAListIsParsedAsAlone() {
        for (String s : grobid.subList(0, 20)) {
            assertThat(fields(parser.forList().parse(s))).isEqualTo(fields(parser.parse(s)));
        }
    }

    @Test
    void aToldConventionIgnoresTheNeighbours() {
        String s = anyStyle.get(5);
        ReferenceListParser list = parser.forList(LabelConvention.ANYSTYLE);
        grobid.subList(0, 40).forEach(list::parse);
        assertThat(fields(list.parse(s))).isEqualTo(fields(parser.parse(s, LabelConvention.ANYSTYLE)));
    }

    @Test
    void blankStringsInAListGiveNoFieldsAndLeaveTheContextAlone() {
        ReferenceListParser list = parser.forList();
        String s = grobid.get(3);
        assertThat(list.parse("").fields()).isEmpty();
        assertThat(list.parse("  \t ").fields()).isEmpty();
        // blank input adds nothing to the context, so the next string is parsed as if first
        assertThat(fields(list.parse(s))).isEqualTo(fields(parser.parse(s)));
    }

    private static ParsedReference after(List<String> context, String s) {
        ReferenceListParser list = parser.forList();
        context.forEach(list::parse);
        return list.parse(s);
    }

    private static List<String> interleave(List<String> a, List<String> b) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < Math.max(a.size(), b.size()); i++) {
            if (i < a.size()) {
                out.add(a.get(i));
            }
            if (i < b.size()) {
                out.add(b.get(i));
            }
        }
        return out;
    }

    private static List<String> fields(ParsedReference p) {
        return p.fields().stream().map(f -> f.label() + "=" + f.text()).toList();
    }
}

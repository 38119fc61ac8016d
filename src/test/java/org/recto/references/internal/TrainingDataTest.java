package org.recto.references.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.recto.references.training.Evaluation;
import org.recto.references.training.Sample;
import org.recto.references.training.Training;
import org.recto.references.training.TrainingData;
import org.recto.support.SharedData;

class TrainingDataTest {

    @TempDir
    Path dir;

    private static String fields(Sample s) {
        return s.spans().stream().map(sp -> sp.label() + "=" + s.text().substring(sp.start(), sp.end()))
                .collect(Collectors.joining(" | "));
    }

    @Test
    void readsAnyStyleSequences() throws Exception {
        Path f = dir.resolve("core.xml");
        Files.writeString(f, """
                <?xml version="1.0" encoding="UTF-8"?>
                <dataset>
                  <sequence>
                    <author>Chen, H., Tafalla, M., &amp;
                       Wilner, D. J.</author>
                    <date>1997,</date>
                    <journal>ApJ,</journal>
                    <volume>475,</volume>
                    <pages>163</pages>
                  </sequence>
                  <sequence><author> H. Fugier,</author><title>Recherches,</title></sequence>
                </dataset>
                """);
        List<Sample> s = TrainingData.readFile(f);
        assertThat(s).hasSize(2);
        assertThat(s.get(0).text()).isEqualTo("Chen, H., Tafalla, M., & Wilner, D. J. 1997, ApJ, 475, 163");
        assertThat(fields(s.get(0))).isEqualTo(
                "author=Chen, H., Tafalla, M., & Wilner, D. J. | date=1997, | journal=ApJ, | volume=475, | pages=163");
        assertThat(s.get(0).source()).isEqualTo("anystyle");
        assertThat(s.get(1).text()).isEqualTo("H. Fugier, Recherches,");
    }

    @Test
    void readsGrobidBiblsAndMapsTheirLabels() throws Exception {
        Path f = dir.resolve("paper.training.references.tei.xml");
        Files.writeString(f, """
                <?xml version="1.0" encoding="UTF-8"?>
                <tei xmlns="http://www.tei-c.org/ns/1.0"><listBibl>
                <bibl><author>F. Berruto and C. Rebbi</author>, <title level="j">Phys. Rev. D</title>
                  <biblScope unit="volume">65</biblScope>(<biblScope type="issue">2</biblScope>),
                  <biblScope type="pp">094516</biblScope> (<date>2002</date>)
                  [<idno type="arxiv">hep-lat/0201010</idno>] <idno type="DOI">doi:10.1/x</idno>.</bibl>
                <bibl><author>A. Cau</author>. <title level="a">Formalising</title>. In <editor>C. B. Jones</editor>,
                  editors, <title level="m">Proc. 5th <lb/>Workshop</title>, <pubPlace>Bonn</pubPlace>:
                  <orgName>Univ. Bonn</orgName>, <orgName type="collaboration">STAR</orgName>
                  <note type="report">MS thesis</note> <ptr type="web">http://a.b/c</ptr></bibl>
                <bibl><author>R. M. Wald</author>, <title level="m">General Relativity</title> (<date>1984</date>)</bibl>
                </listBibl></tei>
                """);
        List<Sample> s = TrainingData.readFile(f);
        assertThat(s).hasSize(3);
        assertThat(s.get(0).text()).isEqualTo(
                "F. Berruto and C. Rebbi, Phys. Rev. D 65(2), 094516 (2002) [hep-lat/0201010] doi:10.1/x.");
        assertThat(fields(s.get(0))).isEqualTo("author=F. Berruto and C. Rebbi | journal=Phys. Rev. D | volume=65"
                + " | issue=2 | pages=094516 | date=2002 | note=hep-lat/0201010 | doi=doi:10.1/x");
        assertThat(fields(s.get(1))).isEqualTo("author=A. Cau | title=Formalising | editor=C. B. Jones"
                + " | container-title=Proc. 5th Workshop | location=Bonn | publisher=Univ. Bonn | author=STAR"
                + " | genre=MS thesis | url=http://a.b/c");
        assertThat(fields(s.get(2))).isEqualTo("author=R. M. Wald | title=General Relativity | date=1984");
        // a per-paper file is split as a whole
        assertThat(s.get(0).unit()).isEqualTo(s.get(2).unit());
    }

    @Test
    void readsTheSharedTrainingShare() {
        Path train = SharedData.dir().resolve("refs/train");
        List<Sample> all = TrainingData.readDirectory(train);
        long anystyle = all.stream().filter(x -> x.source().equals("anystyle")).count();
        long grobid = all.stream().filter(x -> x.source().equals("grobid")).count();
        assertThat(anystyle).isEqualTo(9_691);
        assertThat(grobid).isEqualTo(7_112);
        for (Sample x : all) {
            for (Span sp : x.spans()) {
                assertThat(sp.start()).isBetween(0, sp.end());
                assertThat(sp.end()).isLessThanOrEqualTo(x.text().length());
            }
        }
        List<List<Sample>> split = Training.split(all);
        assertThat(split.get(1).size()).isBetween(all.size() / 10, all.size() / 5);
        // by files: no per-paper GROBID file has strings on both sides
        Set<String> devPapers = split.get(1).stream().filter(x -> x.unit().startsWith("file:"))
                .map(Sample::file).collect(Collectors.toSet());
        assertThat(devPapers).isNotEmpty();
        assertThat(split.get(0)).noneMatch(x -> devPapers.contains(x.file()) && x.unit().startsWith("file:"));

        // by entries: about a fifth of each source, drawn within the files, every string on one side
        List<List<Sample>> entries = Training.split(all, Training.Split.ENTRIES);
        assertThat(entries.get(0).size() + entries.get(1).size()).isEqualTo(all.size());
        for (String source : List.of("anystyle", "grobid")) {
            long held = entries.get(1).stream().filter(x -> x.source().equals(source)).count();
            long total = all.stream().filter(x -> x.source().equals(source)).count();
            assertThat((double) held / total).as(source).isBetween(0.17, 0.23);
        }
        Set<String> trainFiles = entries.get(0).stream().map(Sample::file).collect(Collectors.toSet());
        assertThat(entries.get(1).stream().map(Sample::file).filter(trainFiles::contains).distinct().count())
                .isGreaterThan(100);
    }

    @Test
    void scoresFieldsOnTrimmedText() {
        Evaluation e = new Evaluation();
        String text = "Smith, J. (2001). Title. pp. 3-4.";
        e.add(text, List.of(new Span("author", 0, 9), new Span("date", 10, 16), new Span("title", 18, 24)),
                List.of(new Span("author", 0, 8), new Span("date", 11, 15), new Span("journal", 18, 24)));
        assertThat(e.microF1()).isEqualTo(2.0 / 3.0);
        assertThat(e.report().get(e.report().size() - 1)).isEqualTo("micro-F1 0.6667");
        assertThat(Evaluation.clean(" (“1977”); ")).isEqualTo("1977");
    }
}

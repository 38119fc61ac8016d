package org.recto.references;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.recto.references.internal.Json;
import org.recto.references.training.Sample;
import org.recto.references.training.TrainingData;
import org.recto.support.SharedData;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

class JsonAndCommandsTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    @Test
    void escapesControlAndNonAsciiCharacters() {
        String tricky = "a\"b\\c\n\r\t\u0000\u0001\u001f\u007f é 中 \uD83D\uDE00 \u2028 end";
        String json = Json.fields(List.<String[]>of(new String[] {"title", tricky}));
        assertThat(json).isEqualTo("{\"fields\": [{\"label\": \"title\", \"text\": \"a\\\"b\\\\c\\n\\r\\t\\u0000\\u0001"
                + "\\u001f\\u007f \\u00e9 \\u4e2d \\ud83d\\ude00 \\u2028 end\"}]}");
        assertThat(json.chars().allMatch(c -> c >= 0x20 && c < 0x7f)).isTrue();
        JsonNode node = MAPPER.readTree(json);
        assertThat(node.get("fields").get(0).get("text").asString()).isEqualTo(tricky);
    }

    @Test
    void parseWritesOneJsonLinePerInputLineWithSubstrings() {
        String[] lines = {
            "Bloomfield, Alan, ‘Norm antipreneurs and theorising resistance to normative change’, Review of International Studies, 42:2 (2016), pp. 310–333.",
            "",
            "   ",
            ".,;:!?()[]",
            "J. Smith, Phys. Rev. D 91, 073007 (2015) \u0007 with a bell",
            "ابن خلدون، المقدمة، بيروت: دار الفكر، 2004.",
            "王力. 汉语史稿. 北京: 中华书局, 1980.",
            "Emoji \uD83D\uDE00 title, 2020.",
            "last line with CR",
        };
        String input = String.join("\n", lines).replace("last line with CR", "last line with CR\r") + "\n";
        byte[] bytes = input.getBytes(StandardCharsets.UTF_8);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int code = ReferenceCommands.parse(new String[0], new ByteArrayInputStream(bytes), out);
        assertThat(code).isZero();
        String[] outLines = out.toString(StandardCharsets.US_ASCII).split("\n", -1);
        assertThat(outLines).hasSize(lines.length + 1);
        assertThat(outLines[lines.length]).isEmpty();
        for (int i = 0; i < lines.length; i++) {
            JsonNode node = MAPPER.readTree(outLines[i]);
            assertThat(node.has("fields")).isTrue();
            for (JsonNode f : node.get("fields")) {
                assertThat(lines[i]).contains(f.get("text").asString());
                assertThat(f.get("label").asString()).isNotBlank();
            }
        }
        assertThat(outLines[1]).isEqualTo("{\"fields\": []}");
        assertThat(outLines[2]).isEqualTo("{\"fields\": []}");
        assertThat(outLines[3]).isEqualTo("{\"fields\": []}");
        assertThat(MAPPER.readTree(outLines[0]).get("fields").size()).isGreaterThanOrEqualTo(4);
    }

    @Test
    void parseTakesTheLinesAsOneListAndNoAnswerWaitsForLaterLines() {
        List<String> lines = new ArrayList<>();
        for (Sample s : TrainingData.readDirectory(SharedData.dir().resolve("refs/train/grobid/evaluation"))) {
            if (lines.size() < 60) {
                lines.add(s.text());
            }
        }
        String[] all = run(lines);
        String[] firstHalf = run(lines.subList(0, 30));
        assertThat(List.of(all).subList(0, 30)).isEqualTo(List.of(firstHalf));
        // and each answer is the list parser's, given the lines before it
        ReferenceListParser list = ReferenceParser.withShippedModel().forList();
        for (int i = 0; i < lines.size(); i++) {
            List<String[]> fields = new ArrayList<>();
            list.parse(lines.get(i)).fields().forEach(f -> fields.add(new String[] {f.label(), f.text()}));
            assertThat(all[i]).isEqualTo(Json.fields(fields));
        }
    }

    private static String[] run(List<String> lines) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] in = (String.join("\n", lines) + "\n").getBytes(StandardCharsets.UTF_8);
        assertThat(ReferenceCommands.parse(new String[0], new ByteArrayInputStream(in), out)).isZero();
        return out.toString(StandardCharsets.US_ASCII).split("\n");
    }

    @Test
    void parseSurvivesBrokenUtf8AndAMissingFinalNewline() {
        byte[] bytes = {'A', (byte) 0xC3, '(', ' ', 'b', (byte) 0xFF, '\n', 'S', 'm', 'i', 't', 'h'};
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ReferenceCommands.parse(new String[0], new ByteArrayInputStream(bytes), out);
        String[] outLines = out.toString(StandardCharsets.US_ASCII).split("\n");
        assertThat(outLines).hasSize(2);
        for (String l : outLines) {
            assertThat(MAPPER.readTree(l).has("fields")).isTrue();
        }
    }

    @Test
    void anOverlongLineGivesNoFieldsAndTheRunGoesOn() {
        byte[] big = new byte[ReferenceCommands.MAX_LINE_BYTES + 1000];
        java.util.Arrays.fill(big, (byte) 'x');
        byte[] tail = "\nSmith, J. (2001). A title. Journal, 3, 1-2.\n".getBytes(StandardCharsets.UTF_8);
        byte[] input = new byte[big.length + tail.length];
        System.arraycopy(big, 0, input, 0, big.length);
        System.arraycopy(tail, 0, input, big.length, tail.length);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ReferenceCommands.parse(new String[0], new ByteArrayInputStream(input), out);
        String[] outLines = out.toString(StandardCharsets.US_ASCII).split("\n");
        assertThat(outLines).hasSize(2);
        assertThat(outLines[0].length()).isLessThan(100);
        assertThat(outLines[0]).isEqualTo("{\"fields\": []}");
        assertThat(MAPPER.readTree(outLines[1]).get("fields").size()).isGreaterThan(2);
    }

    /**
     * {@code refs-eval} on gold files of both formats: the per-label table, then {@code micro-F1} on the
     * last line. The shipped model was trained on these strings, so a low score means the model no
     * longer matches the feature code (features changed without running {@code refs-train}).
     */
    @Test
    void evalScoresTheShippedModelOnGoldFilesOfBothFormats() {
        Path refs = SharedData.dir().resolve("refs/train");
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);
        int code = ReferenceCommands.eval(new String[] {refs.resolve("anystyle/gold.xml").toString(),
            refs.resolve("grobid/evaluation").toString()}, out);
        List<String> lines = bytes.toString(StandardCharsets.UTF_8).lines().toList();
        assertThat(code).isZero();
        assertThat(lines.get(0)).matches("\\d+ reference strings from 2 file\\(s\\)");
        assertThat(lines).anySatisfy(l -> assertThat(l).matches("author\\s+[01]\\.\\d{4}\\s+[01]\\.\\d{4}\\s+[01]\\.\\d{4}\\s+\\d+\\s+\\d+"));
        String last = lines.get(lines.size() - 1);
        assertThat(last).matches("micro-F1 0\\.\\d{4}");
        assertThat(Double.parseDouble(last.substring("micro-F1 ".length()))).isGreaterThan(0.9);
    }

    @Test
    void aConventionCanBeChosenForParsing() {
        String line = "Smith, J. (2001). A study of things. Journal of Studies, 12(3), pp. 45-67.\n";
        ByteArrayOutputStream any = new ByteArrayOutputStream();
        ReferenceCommands.parse(new String[] {"--convention", "anystyle"},
                new ByteArrayInputStream(line.getBytes(StandardCharsets.UTF_8)), any);
        ByteArrayOutputStream grobid = new ByteArrayOutputStream();
        ReferenceCommands.parse(new String[] {"--convention", "GROBID"},
                new ByteArrayInputStream(line.getBytes(StandardCharsets.UTF_8)), grobid);
        // AnyStyle's fields take whole tokens, cue words and all; GROBID's the bare values
        assertThat(field(any, "pages")).startsWith("pp. 45-67");
        assertThat(field(any, "volume")).startsWith("12(3)");
        assertThat(field(grobid, "pages")).isEqualTo("45-67");
        assertThat(field(grobid, "volume")).isEqualTo("12");
        assertThat(field(grobid, "issue")).isEqualTo("3");
        assertThatThrownBy(() -> ReferenceCommands.parse(new String[] {"--convention", "chicago"},
                new ByteArrayInputStream(new byte[0]), new ByteArrayOutputStream()))
                .hasMessageContaining("unknown label convention chicago");
    }

    private static String field(ByteArrayOutputStream json, String label) {
        for (JsonNode f : MAPPER.readTree(json.toString(StandardCharsets.US_ASCII)).get("fields")) {
            if (f.get("label").asString().equals(label)) {
                return f.get("text").asString();
            }
        }
        return null;
    }
}

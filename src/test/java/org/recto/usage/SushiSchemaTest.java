package org.recto.usage;

import org.recto.support.SharedData;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/** The validator the SUSHI tests rely on accepts the official samples and rejects broken reports. */
class SushiSchemaTest {

    @Test
    void everyOfficialSampleValidatesAgainstItsSchema() throws IOException {
        List<Path> samples;
        try (Stream<Path> s = Files.list(SharedData.dir().resolve("data/counter-sushi/r51-sample-reports"))) {
            samples = s.filter(p -> p.toString().endsWith(".json")).sorted().toList();
        }
        assertThat(samples).hasSize(16);
        for (Path p : samples) {
            JsonNode report = SushiSchemas.JSON.readTree(p.toFile());
            String id = report.get("Report_Header").get("Report_ID").asString();
            assertThat(SushiSchemas.errors(id, report)).as(p.getFileName().toString()).isEmpty();
        }
    }

    @Test
    void brokenReportsAreRejected() throws IOException {
        Path pr = SharedData.dir().resolve("data/counter-sushi/r51-sample-reports/TRJ3_sample_r51.json");
        ObjectNode bad = (ObjectNode) SushiSchemas.JSON.readTree(pr.toFile());
        ((ObjectNode) bad.get("Report_Header")).put("Report_ID", "TR_X9");
        assertThat(SushiSchemas.errors("TR_J3", bad)).isNotEmpty();

        ObjectNode negative = (ObjectNode) SushiSchemas.JSON.readTree(pr.toFile());
        ((ObjectNode) negative.get("Report_Items").get(0).get("Attribute_Performance").get(0).get("Performance")
                .get("Total_Item_Requests")).put("2022-01", -1);
        assertThat(SushiSchemas.errors("TR_J3", negative)).isNotEmpty();

        ObjectNode unknownMetric = (ObjectNode) SushiSchemas.JSON.readTree(pr.toFile());
        ((ObjectNode) unknownMetric.get("Report_Items").get(0).get("Attribute_Performance").get(0).get("Performance"))
                .set("Unique_Title_Requests", SushiSchemas.JSON.readTree("{\"2022-01\": 1}"));
        assertThat(SushiSchemas.errors("TR_J3", unknownMetric)).as("Unique_Title_* is not a TR_J3 metric").isNotEmpty();
    }
}

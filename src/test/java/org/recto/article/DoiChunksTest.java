package org.recto.article;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

class DoiChunksTest {

    @Test
    void everyDoiIsKeptInOrderInChunksThatFitTheirBudget() {
        List<String> dois = new ArrayList<>();
        for (int i = 0; i < 500; i++) {
            dois.add("10.7554/eLife." + i + (i % 7 == 0 ? "-ünïcödé" : ""));
        }
        List<List<String>> chunks = DoiChunks.of(dois);

        assertThat(chunks).hasSizeGreaterThan(1);
        assertThat(chunks.stream().flatMap(List::stream).toList()).isEqualTo(dois);
        assertThat(chunks).allSatisfy(c -> assertThat(c.stream()
                .mapToInt(d -> d.getBytes(StandardCharsets.UTF_8).length + 3).sum()).isLessThanOrEqualTo(DoiChunks.MAX_BYTES));
    }

    @Test
    void noDoisGiveOneEmptyChunkSoThatAnEventThatMustBeSentStillIs() {
        assertThat(DoiChunks.of(List.of())).containsExactly(List.of());
    }
}

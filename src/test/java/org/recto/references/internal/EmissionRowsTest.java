package org.recto.references.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class EmissionRowsTest {

    // two features over three states: row 0 has weights for states 0 and 2, row 1 for state 1 only
    private final EmissionRows rows = new EmissionRows(new long[] {0x12345L, 0L}, new int[] {0, 2, 3},
            new byte[] {0, 2, 1}, new float[] {0.5f, -0.02f, 1.5f});

    @Test
    void aFeatureAddsItsRowAndAnUnknownOneNothing() {
        float[] emit = new float[3];
        rows.addTo(0x12345L, emit);
        assertThat(emit).containsExactly(0.5f, 0f, -0.02f);
        rows.addTo(0L, emit); // a hash of 0 is a feature like any other
        assertThat(emit).containsExactly(0.5f, 1.5f, -0.02f);
        rows.addTo(0x54321L, emit);
        rows.addTo(0x12345L << 30, emit); // wider than any stored hash
        assertThat(emit).containsExactly(0.5f, 1.5f, -0.02f);
    }

    @Test
    void pruningDropsSmallWeightsAndTheRowsLeftEmpty() {
        EmissionRows pruned = rows.pruned(0.6f);
        assertThat(pruned.rows()).isEqualTo(1);
        assertThat(pruned.key(0)).isZero();
        assertThat(pruned.nonZero()).isEqualTo(1);
        float[] emit = new float[3];
        pruned.addTo(0x12345L, emit);
        pruned.addTo(0L, emit);
        assertThat(emit).containsExactly(0f, 1.5f, 0f);
        assertThat(rows.pruned(0.1f).nonZero()).isEqualTo(2);
    }

    @Test
    void aTableFromDenseWeightsKeepsOnlyTheNonZero() {
        LongIntMap index = new LongIntMap(4);
        index.put(77L, 0);
        index.put(78L, 1);
        EmissionRows fromDense = EmissionRows.fromDense(index, new float[] {0f, 1f, 0f, 0f, 0f, -2f}, 3);
        assertThat(fromDense.nonZero()).isEqualTo(2);
        float[] emit = new float[3];
        fromDense.addTo(78L, emit);
        assertThat(emit).containsExactly(0f, 0f, -2f);
    }

    @Test
    void aHashTwiceOrTooWideIsRefused() {
        assertThatThrownBy(() -> new EmissionRows(new long[] {5L, 5L}, new int[] {0, 1, 2}, new byte[] {0, 0},
                new float[] {1f, 1f})).hasMessageContaining("twice");
        assertThatThrownBy(() -> new EmissionRows(new long[] {1L << 45}, new int[] {0, 1}, new byte[] {0},
                new float[] {1f})).hasMessageContaining("wider");
        assertThatThrownBy(() -> new EmissionRows(new long[] {1L}, new int[] {0, 2}, new byte[] {0},
                new float[] {1f})).hasMessageContaining("inconsistent");
    }
}

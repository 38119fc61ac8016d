package org.recto.references.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class ConventionContextTest {

    private static final double PRIOR = 0.42;

    @Test
    void withoutNeighboursNothingShifts() {
        assertThat(new ConventionContext(PRIOR).shift()).isZero();
    }

    @Test
    void aListClearlyOfOneConventionDecidesAnUnsureString() {
        ConventionContext c = new ConventionContext(PRIOR);
        for (int i = 0; i < 30; i++) {
            c.add(0.95);
        }
        // an unsure string (log-odds near 0) ends up far past the classifier's "sure" band (0.9)
        double oneConvention = c.shift();
        assertThat(oneConvention).isGreaterThan(Math.log(0.9 / 0.1) + 2);
        for (int i = 0; i < 30; i++) {
            c.add(0.03);
        }
        assertThat(c.shift()).as("half and half").isPositive().isLessThan(oneConvention / 4);
    }

    @Test
    void aStreamAtTheTrainingShareShiftsNothing() {
        ConventionContext c = new ConventionContext(PRIOR);
        for (int i = 0; i < 1000; i++) {
            c.add(PRIOR);
        }
        assertThat(c.shift()).isCloseTo(0.0, within(1e-9));
    }

    @Test
    void theWindowForgetsOlderStrings() {
        ConventionContext c = new ConventionContext(PRIOR);
        for (int i = 0; i < 500; i++) {
            c.add(0.99);
        }
        assertThat(c.shift()).isPositive();
        for (int i = 0; i < ConventionContext.WINDOW; i++) {
            c.add(0.01);
        }
        assertThat(c.shift()).as("only AnyStyle-like strings left in the window").isLessThan(-Math.log(0.9 / 0.1) - 2);
    }

    @Test
    void refusesAPriorThatIsNoShare() {
        assertThatThrownBy(() -> new ConventionContext(0.0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new ConventionContext(1.0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new ConventionContext(Double.NaN)).isInstanceOf(IllegalArgumentException.class);
    }
}

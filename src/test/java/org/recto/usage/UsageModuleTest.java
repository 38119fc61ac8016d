package org.recto.usage;

import org.junit.jupiter.api.Test;
import org.recto.RectoApplication;
import org.springframework.modulith.core.ApplicationModules;

/** The usage module keeps to the house rules: the others see only org.recto.usage. */
class UsageModuleTest {

    @Test
    void moduleBoundariesHold() {
        ApplicationModules.of(RectoApplication.class).verify();
    }
}

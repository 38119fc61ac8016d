package org.recto.references;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.recto.RectoApplication;
import org.springframework.modulith.core.ApplicationModules;

/** This module keeps to the module rules: others see only its top-level package. */
class ReferencesModuleTest {

    @Test
    void moduleStructureVerifies() {
        ApplicationModules modules = ApplicationModules.of(RectoApplication.class);
        modules.verify();
        assertThat(modules.getModuleByName("references")).isPresent();
    }
}

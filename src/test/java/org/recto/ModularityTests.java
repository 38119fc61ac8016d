package org.recto;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

/** The module boundaries of ARCHITECTURE.md, kept by a test: no module reaches into another's internals. */
class ModularityTests {

    private final ApplicationModules modules = ApplicationModules.of(RectoApplication.class);

    @Test
    void modulesRespectTheirBoundaries() {
        modules.verify();
    }

    @Test
    void writesModuleDocumentation() {
        // target/spring-modulith-docs: a diagram and a canvas per module, made from the code itself.
        new Documenter(modules).writeModulesAsPlantUml().writeIndividualModulesAsPlantUml();
    }
}

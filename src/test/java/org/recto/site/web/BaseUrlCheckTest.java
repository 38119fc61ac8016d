package org.recto.site.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class BaseUrlCheckTest {

    @Test
    void aLocalBaseUrlAtAnotherPortIsWarnedAbout() {
        assertThat(BaseUrlCheck.mismatch("http://localhost:8080", 8105)).contains("port 8105", "RECTO_BASE_URL");
        assertThat(BaseUrlCheck.mismatch("http://localhost:8105/", 8105)).isNull();
        assertThat(BaseUrlCheck.mismatch("https://journals.example.org", 8105)).isNull();
        assertThat(BaseUrlCheck.mismatch("http://localhost:0", 41234)).as("a random test port").isNull();
    }
}

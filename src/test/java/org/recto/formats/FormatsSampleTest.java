package org.recto.formats;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

/**
 * Twenty corpus articles with formulas, structured abstracts, tables and figures: each PDF passes veraPDF's
 * PDF/UA-1 profile and has its title in its text, and each EPUB passes EPUBCheck with nothing reported.
 */
class FormatsSampleTest {

    @Test
    void twentyHardCorpusArticlesPassTheValidators() {
        List<Path> sample = CorpusSample.hardOnes(5);
        assertThat(sample).hasSize(20);
        FormatsValidation validation = new FormatsValidation();
        List<String> failures = new ArrayList<>();
        for (Path file : sample) {
            FormatsValidation.Verdict v = validation.check(file);
            if (!v.passes()) {
                failures.add(file.getFileName() + ": PDF " + v.pdf() + " EPUB " + v.epub());
            }
        }
        assertThat(failures).isEmpty();
    }
}

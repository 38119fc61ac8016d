package org.recto.references;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.recto.support.SharedData;
import org.springframework.stereotype.Component;

/**
 * The training and evaluation code lives in references.training, which only the command path
 * ({@link ReferenceCommands}, run before Spring starts) reaches; and refs-train and refs-eval work
 * from there: a model trained on a few gold strings is written, loads, and is scored.
 */
class TrainingCommandsTest {

    private static final String TRAINING = "org.recto.references.training..";

    @Test
    void nothingButTheCommandsReachesTheTrainingCode() {
        JavaClasses main = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("org.recto");
        assertThat(main.stream().filter(c -> c.getPackageName().equals("org.recto.references.training")))
                .extracting(c -> c.getSimpleName())
                .contains("CrfTrainer", "Training", "TrainingData", "Evaluation", "CorpusNames", "ClassifierTrainer");
        noClasses().that().resideOutsideOfPackage(TRAINING)
                .and().doNotHaveFullyQualifiedName(ReferenceCommands.class.getName())
                .should().dependOnClassesThat().resideInAPackage(TRAINING)
                .check(main);
        classes().that().resideInAPackage(TRAINING).should().notBeMetaAnnotatedWith(Component.class).check(main);
    }

    @Test
    void refsTrainWritesAModelThatRefsEvalScores(@TempDir Path tmp) throws Exception {
        Path gold = tmp.resolve("shared/refs/train/grobid/corpus");
        Files.createDirectories(gold);
        List<Path> files;
        try (var s = Files.list(SharedData.dir().resolve("refs/train/grobid/corpus"))) {
            files = s.sorted().limit(12).toList();
        }
        for (Path f : files) {
            Files.copy(f, gold.resolve(f.getFileName()));
        }
        Path model = tmp.resolve("model.crf.gz");
        ByteArrayOutputStream trained = new ByteArrayOutputStream();
        int code = ReferenceCommands.train(new String[] {"--shared", tmp.resolve("shared").toString(), "--out",
            model.toString(), "--epochs", "2", "--no-dev"}, new PrintStream(trained, true, StandardCharsets.UTF_8));
        assertThat(code).isZero();
        assertThat(trained.toString(StandardCharsets.UTF_8)).contains("model written to " + model);
        assertThat(Files.size(model)).isPositive();

        ByteArrayOutputStream scored = new ByteArrayOutputStream();
        code = ReferenceCommands.eval(new String[] {"--model", model.toString(), gold.toString()},
                new PrintStream(scored, true, StandardCharsets.UTF_8));
        assertThat(code).isZero();
        String[] lines = scored.toString(StandardCharsets.UTF_8).strip().split("\n");
        assertThat(lines[lines.length - 1]).startsWith("micro-F1 ");
        // trained and scored on the same strings, even two epochs label most fields right
        assertThat(Double.parseDouble(lines[lines.length - 1].substring("micro-F1 ".length()).strip())).isGreaterThan(0.5);
    }
}

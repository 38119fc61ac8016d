package org.recto.references.internal;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.recto.references.training.CrfTrainer;
import org.recto.references.training.Evaluation;
import org.recto.references.training.Sample;
import org.recto.references.training.Training;
import org.recto.references.training.TrainingData;

/**
 * Development aid, not a test: trains on the development split with given settings, prints the
 * development scores and what pruning would cost.
 * {@code java -cp target/classes:target/test-classes org.recto.references.internal.TrainingExperiment DIR EPOCHS ETA C2 [MODEL]}
 */
final class TrainingExperiment {

    private TrainingExperiment() {
    }

    /** For quick experiments: train on the train share, print dev scores. */
    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args.length > 0 ? args[0] : "../shared/refs/train");
        int epochs = args.length > 1 ? Integer.parseInt(args[1]) : 20;
        double eta = args.length > 2 ? Double.parseDouble(args[2]) : 0.05;
        double c2 = args.length > 3 ? Double.parseDouble(args[3]) : 1.0;
        List<Sample> all = TrainingData.readDirectory(dir);
        List<List<Sample>> parts = Training.split(all);
        System.out.printf("%d samples: %d train, %d dev%n", all.size(), parts.get(0).size(), parts.get(1).size());
        CrfModel m = Training.train(parts.get(0), new CrfTrainer.Settings(epochs, eta, c2, 1, 20251125L, 0f), System.err);
        for (Map.Entry<String, Evaluation> e : Training.evaluate(m, parts.get(1), true).entrySet()) {
            System.out.println("== " + e.getKey());
            e.getValue().report().forEach(System.out::println);
        }
        if (args.length > 4) {
            Training.write(m, Path.of(args[4]));
        }
        for (float tau : new float[] {0.03f, 0.05f, 0.08f}) {
            CrfModel p = m.pruned(tau);
            Path tmp = Files.createTempFile("crf", ".gz");
            Training.write(p, tmp);
            System.out.printf("prune %.2f: %d features, %d weights, %d bytes, dev micro-F1 %.4f%n", tau,
                    p.featureCount(), p.nonZeroWeights(), Files.size(tmp), Training.evaluate(p, parts.get(1), true).get("all").microF1());
            Files.delete(tmp);
        }
    }
}

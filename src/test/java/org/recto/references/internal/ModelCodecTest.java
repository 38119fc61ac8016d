package org.recto.references.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.recto.references.training.CrfTrainer;
import org.recto.references.training.Sample;
import org.recto.references.training.Training;
import org.recto.references.training.TrainingData;
import org.recto.support.SharedData;

/** The stored forms of the parser's models: keys come back exactly, weights within the scale's error. */
class ModelCodecTest {

    @Test
    void keysComeBackExactlyWhateverTheirSpread() throws IOException {
        Random random = new Random(7);
        long[] dense = new long[50_000];
        for (int i = 0; i < dense.length; i++) {
            dense[i] = random.nextLong() & Features.KEY_MASK;
        }
        long[] full = random.longs(2_000).toArray(); // 64-bit keys, the gazetteer's
        for (long[] keys : List.of(dense, full, new long[0], new long[] {0L}, new long[] {-1L},
                new long[] {1L, 2L, 3L, Long.MAX_VALUE, Long.MIN_VALUE, -2L})) {
            long[] sorted = Arrays.stream(keys).distinct().boxed()
                    .sorted(Long::compareUnsigned).mapToLong(Long::longValue).toArray();
            assertThat(readKeys(writeKeys(sorted))).isEqualTo(sorted);
        }
        // uniform hashes: a Rice code needs about two bits more than log2 of the mean gap
        long[] sorted = Arrays.stream(dense).distinct().sorted().toArray();
        double bitsPerKey = 8.0 * (writeKeys(sorted).length - 9) / sorted.length;
        assertThat(bitsPerKey).isLessThan(Math.log((Features.KEY_MASK + 1.0) / sorted.length) / Math.log(2) + 2.5);
    }

    @Test
    void weightsKeepTheirSignAndLieWithinFivePercent() throws IOException {
        Random random = new Random(11);
        float[] w = new float[10_000];
        for (int i = 0; i < w.length; i++) {
            float magnitude = (float) (0.03 * Math.exp(random.nextDouble() * Math.log(300)));
            w[i] = random.nextBoolean() ? magnitude : -magnitude;
        }
        float[] back = readWeights(writeWeights(w));
        assertThat(back).hasSize(w.length);
        for (int i = 0; i < w.length; i++) {
            assertThat(Math.signum(back[i])).isEqualTo(Math.signum(w[i]));
            assertThat(Math.abs(back[i] / w[i] - 1)).as("weight %s came back as %s", w[i], back[i]).isLessThan(0.05f);
        }
        assertThat(readWeights(writeWeights(new float[0]))).isEmpty();
        assertThat(readWeights(writeWeights(new float[] {-2.5f, -2.5f}))).containsExactly(-2.5f, -2.5f);
    }

    @Test
    void aDamagedBlockIsRefusedWithItsReason() throws IOException {
        byte[] keys = writeKeys(new long[] {5, 900, 70_000});
        assertThatThrownBy(() -> readKeys(Arrays.copyOf(keys, keys.length - 1))).isInstanceOf(IOException.class);
        byte[] hugeCount = keys.clone();
        hugeCount[0] = 0x7F;
        assertThatThrownBy(() -> readKeys(hugeCount)).isInstanceOf(IOException.class).hasMessageContaining("bad key block");
        assertThatThrownBy(() -> writeKeys(new long[] {900, 5})).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("not in unsigned order");
        byte[] weights = writeWeights(new float[] {1f, -0.5f});
        weights[weights.length - 1] = 0x7F; // a level past the scale
        assertThatThrownBy(() -> readWeights(weights)).isInstanceOf(IOException.class).hasMessageContaining("level");
    }

    @Test
    void aTrainedModelTagsTheSameAfterWritingAndReading() throws IOException {
        List<Sample> samples = TrainingData.readFile(SharedData.dir().resolve("refs/train/anystyle/gold.xml"))
                .subList(0, 150);
        CrfModel model = Training.train(samples, new CrfTrainer.Settings(4, 0.05, 5.0, 1, 3L, 0.03f),
                new java.io.PrintStream(java.io.OutputStream.nullOutputStream()));
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        model.write(bytes);
        CrfModel back = CrfModel.read(new ByteArrayInputStream(bytes.toByteArray()));
        assertThat(back.featureCount()).isEqualTo(model.featureCount());
        assertThat(back.nonZeroWeights()).isEqualTo(model.nonZeroWeights());
        int same = 0;
        for (Sample s : samples) {
            Tokens toks = Tokenizer.tokenize(s.text());
            if (back.tag(toks).equals(model.tag(toks))) {
                same++;
            }
        }
        // weights lie within 5 %: a rare near-tie may tip, nothing more
        assertThat(same).isGreaterThanOrEqualTo(samples.size() - 2);
    }

    @Test
    void aModelOfAnotherVersionIsRefusedWithItsVersion() throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(new java.util.zip.GZIPOutputStream(bytes))) {
            out.writeInt(0x52435246);
            out.writeInt(4);
        }
        assertThatThrownBy(() -> CrfModel.read(new ByteArrayInputStream(bytes.toByteArray())))
                .isInstanceOf(IOException.class).hasMessageContaining("version 4").hasMessageContaining("refs-train");
    }

    @Test
    void theClassifierKeepsItsTrainingShareThroughTheFile() throws IOException {
        List<Sample> samples = TrainingData.readFile(SharedData.dir().resolve("refs/train/anystyle/gold.xml"))
                .subList(0, 40);
        StyleClassifier c = org.recto.references.training.ClassifierTrainer.train(samples, 2, 1L);
        // one source only: the share is drawn off 0 by a pseudo string of each convention
        assertThat(c.grobidShare()).isEqualTo(1 / 42.0, org.assertj.core.api.Assertions.within(1e-6));
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        c.write(new DataOutputStream(bytes));
        StyleClassifier back = StyleClassifier.read(new DataInputStream(new ByteArrayInputStream(bytes.toByteArray())));
        assertThat(back.grobidShare()).isEqualTo(c.grobidShare());
    }

    private static byte[] writeKeys(long[] sorted) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        ModelCodec.writeKeys(new DataOutputStream(bytes), sorted);
        return bytes.toByteArray();
    }

    private static long[] readKeys(byte[] bytes) throws IOException {
        return ModelCodec.readKeys(new DataInputStream(new ByteArrayInputStream(bytes)), 1_000_000);
    }

    private static byte[] writeWeights(float[] w) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        ModelCodec.writeWeights(new DataOutputStream(bytes), w);
        return bytes.toByteArray();
    }

    private static float[] readWeights(byte[] bytes) throws IOException {
        return ModelCodec.readWeights(new DataInputStream(new ByteArrayInputStream(bytes)), 1_000_000);
    }
}

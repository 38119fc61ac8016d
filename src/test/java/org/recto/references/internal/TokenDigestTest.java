package org.recto.references.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.recto.references.training.Sample;
import org.recto.references.training.TrainingData;
import org.recto.support.SharedData;

/**
 * The tokens the shipped model is given stay what they were when the golden list was made: a SHA-256
 * per gold file of {@code ../shared/refs/train} over the tokens of every string (each token with
 * whether white space stands before it). Regenerate with {@code -Drecto.digest.write=true} only
 * together with a retrained model.
 */
class TokenDigestTest {

    private static final Path SHARED = SharedData.dir();
    private static final Path GOLDEN = Path.of("src/test/resources/references/token-digests.tsv");

    @Test
    void theTokenizerCutsEveryTrainingStringAsBefore() throws Exception {
        List<Sample> samples = TrainingData.readDirectory(SHARED.resolve("refs/train"));
        assertThat(samples).hasSizeGreaterThan(16_000);
        Map<String, MessageDigest> byFile = new LinkedHashMap<>();
        for (Sample s : samples) {
            MessageDigest md = byFile.computeIfAbsent(relative(s.file()), f -> sha256());
            Tokens t = Tokenizer.tokenize(s.text());
            for (int i = 0; i < t.size(); i++) {
                md.update((t.spaceBefore(i) ? " " : "|").getBytes(StandardCharsets.UTF_8));
                md.update(t.token(i).getBytes(StandardCharsets.UTF_8));
            }
            md.update((byte) '\n');
        }
        StringBuilder actual = new StringBuilder();
        byFile.forEach((file, md) -> actual.append(file).append('\t').append(HexFormat.of().formatHex(md.digest()))
                .append('\n'));
        if (Boolean.getBoolean("recto.digest.write")) {
            Files.writeString(GOLDEN, actual, StandardCharsets.UTF_8);
        }
        assertThat(actual.toString()).isEqualTo(Files.readString(GOLDEN, StandardCharsets.UTF_8));
    }

    /** The file's path below refs/train, whatever way the sample names it. */
    private static String relative(String file) {
        String f = file.replace('\\', '/');
        int k = f.indexOf("refs/train/");
        return k >= 0 ? f.substring(k + "refs/train/".length()) : f;
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}

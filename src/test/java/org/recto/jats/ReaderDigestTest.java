package org.recto.jats;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.recto.support.SharedData;

/**
 * The reader's output, file by file, is what it was when the golden list was made: a SHA-256 of the
 * {@code toString} of every {@link org.recto.article.Article} read from the corpus and the seed (records
 * all the way down, so every field, rendered HTML, section, figure count, reference and note takes
 * part), or of the problem for a file that is refused. The list guards rewrites of the reader; a
 * change meant to alter the output regenerates it with {@code -Drecto.digest.write=true} and says so.
 */
class ReaderDigestTest {

    private static final Path SHARED = SharedData.dir();
    private static final Path GOLDEN = Path.of("src/test/resources/jats/reader-digests.tsv");

    @Test
    void everyCorpusAndSeedFileReadsToTheSameArticleAsBefore() throws Exception {
        Map<String, String> actual = digests();
        assertThat(actual).hasSize(1156 + 2);
        if (Boolean.getBoolean("recto.digest.write")) {
            StringBuilder out = new StringBuilder();
            actual.forEach((name, digest) -> out.append(name).append('\t').append(digest).append('\n'));
            Files.writeString(GOLDEN, out, StandardCharsets.UTF_8);
        }
        Map<String, String> golden = new LinkedHashMap<>();
        for (String line : Files.readAllLines(GOLDEN, StandardCharsets.UTF_8)) {
            String[] cells = line.split("\t");
            golden.put(cells[0], cells[1]);
        }
        List<String> differing = new ArrayList<>();
        actual.forEach((name, digest) -> {
            if (!digest.equals(golden.get(name))) {
                differing.add(name);
            }
        });
        assertThat(golden.keySet()).containsExactlyElementsOf(actual.keySet());
        assertThat(differing).as("files whose reading changed").isEmpty();
    }

    private static Map<String, String> digests() throws IOException, NoSuchAlgorithmException {
        JatsReader reader = new JatsReader();
        Map<String, String> digests = new LinkedHashMap<>();
        for (Path file : xmlFiles(SHARED.resolve("corpus/jats"))) {
            digests.put(file.getFileName().toString(), digest(reader, file));
        }
        for (Path file : xmlFiles(SHARED.resolve("seed/jats"))) {
            digests.put("seed/" + file.getFileName(), digest(reader, file));
        }
        return digests;
    }

    private static String digest(JatsReader reader, Path file) throws IOException, NoSuchAlgorithmException {
        String read;
        try {
            read = reader.read(Files.readAllBytes(file), file.getFileName().toString()).toString();
        } catch (JatsException e) {
            read = "refused: " + e.getMessage();
        }
        byte[] hash = MessageDigest.getInstance("SHA-256").digest(read.getBytes(StandardCharsets.UTF_8));
        return HexFormat.of().formatHex(hash);
    }

    private static List<Path> xmlFiles(Path dir) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(p -> p.toString().endsWith(".xml")).sorted().toList();
        }
    }
}

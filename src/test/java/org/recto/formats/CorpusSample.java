package org.recto.formats;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Stream;

import org.recto.support.SharedData;

/**
 * Corpus articles chosen for what is hard to lay out: figures, tables, formulas, structured abstracts.
 * The choice is by the files' own markup and their order, so every run takes the same articles.
 */
public final class CorpusSample {

    private CorpusSample() {
    }

    public static List<Path> all() {
        try (Stream<Path> files = Files.list(SharedData.dir().resolve("corpus/jats"))) {
            return files.filter(p -> p.toString().endsWith(".xml")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** {@code perKind} articles with each of: formulas, structured abstracts, tables, figures. */
    public static List<Path> hardOnes(int perKind) {
        List<Predicate<String>> kinds = List.of(
                x -> x.contains("<disp-formula") || x.contains("<mml:math"),
                x -> x.matches("(?s).*<abstract[^>]*>\\s*<sec.*"),
                x -> x.contains("<table-wrap"),
                x -> x.contains("<fig "));
        Set<Path> chosen = new LinkedHashSet<>();
        int[] counts = new int[kinds.size()];
        for (Path p : all()) {
            String xml = read(p);
            for (int k = 0; k < kinds.size(); k++) {
                if (counts[k] < perKind && !chosen.contains(p) && kinds.get(k).test(xml)) {
                    chosen.add(p);
                    counts[k]++;
                }
            }
            if (Math.min(Math.min(counts[0], counts[1]), Math.min(counts[2], counts[3])) >= perKind) {
                break;
            }
        }
        return new ArrayList<>(chosen);
    }

    private static String read(Path p) {
        return new String(SharedData.read(p), StandardCharsets.UTF_8);
    }
}

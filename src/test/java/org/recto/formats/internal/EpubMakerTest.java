package org.recto.formats.internal;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.recto.article.Article;
import org.recto.article.StoredArticle;
import org.recto.formats.Validators;
import org.recto.jats.JatsReader;
import org.recto.support.SharedData;

class EpubMakerTest {

    @Test
    void epubs() throws Exception {
        for (Path p : List.of(SharedData.seed("mills-bloomfield-2018.xml"), SharedData.corpus("elife00003.xml"))) {
            Article a = new JatsReader().read(SharedData.read(p), "x");
            var doc = PrintEdition.of(new StoredArticle(a, 1, 1, Instant.now()), List.of());
            DocumentCleanup.apply(doc);
            byte[] epub = new EpubMaker().make(a, doc, Instant.now());
            Files.write(Path.of("/tmp/formats-" + p.getFileName() + ".epub"), epub);
            System.out.println(p + " " + Validators.epubProblems(epub));
        }
    }
}

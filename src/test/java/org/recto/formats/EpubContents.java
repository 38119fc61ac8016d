package org.recto.formats;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/** The parts of an EPUB a test looks at: its package document, its content document and the images it holds. */
record EpubContents(String manifest, String article, List<String> images) {

    static EpubContents of(byte[] epub) throws IOException {
        String manifest = "";
        String article = "";
        List<String> images = new ArrayList<>();
        try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(epub))) {
            for (ZipEntry e; (e = zip.getNextEntry()) != null; ) {
                byte[] bytes = zip.readAllBytes();
                switch (e.getName()) {
                    case "EPUB/package.opf" -> manifest = new String(bytes, StandardCharsets.UTF_8);
                    case "EPUB/article.xhtml" -> article = new String(bytes, StandardCharsets.UTF_8);
                    default -> {
                        if (e.getName().startsWith("EPUB/images/") && bytes.length > 0) {
                            images.add(e.getName());
                        }
                    }
                }
            }
        }
        return new EpubContents(manifest, article, images);
    }
}

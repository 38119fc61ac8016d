package org.recto.ingest.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.recto.article.ArticleStore.Outcome;

/** What the import command finds in a zip archive, and what it prints about it. */
class ImportSourcesTest {

    private static void entry(ZipOutputStream zip, String name, byte[] content) throws IOException {
        zip.putNextEntry(new ZipEntry(name));
        zip.write(content);
        zip.closeEntry();
    }

    @Test
    void aZipInsideAZipIsReportedNotSkipped(@TempDir Path dir) throws IOException {
        ByteArrayOutputStream inner = new ByteArrayOutputStream();
        try (ZipOutputStream z = new ZipOutputStream(inner)) {
            entry(z, "article.xml", "<article/>".getBytes(StandardCharsets.UTF_8));
        }
        Path outer = dir.resolve("issue.zip");
        try (ZipOutputStream z = new ZipOutputStream(Files.newOutputStream(outer))) {
            entry(z, "a.xml", "<article/>".getBytes(StandardCharsets.UTF_8));
            entry(z, "more/issue-2.zip", inner.toByteArray());
        }
        List<String> problems = new ArrayList<>();
        List<ImportSources.Source> sources = ImportSources.expand(List.of(outer), problems);

        assertThat(sources).extracting(ImportSources.Source::name).containsExactly(outer + "!a.xml");
        assertThat(problems).singleElement().satisfies(p -> assertThat(p)
                .startsWith(outer + "!more/issue-2.zip: ").contains("zip archive inside a zip archive"));
    }

    @Test
    void fileNamesArePrintedWithoutTerminalControlCharacters(@TempDir Path dir) throws IOException {
        String hostile = "\u001b]0;owned\u0007\u001b[2J\r\u202Eevil\u009b.xml";
        Path zip = dir.resolve("names.zip");
        try (OutputStream out = Files.newOutputStream(zip); ZipOutputStream z = new ZipOutputStream(out)) {
            entry(z, hostile, "not xml".getBytes(StandardCharsets.UTF_8));
        }
        List<ImportSources.Source> sources = ImportSources.expand(List.of(zip), new ArrayList<>());
        assertThat(sources).singleElement().satisfies(s -> assertThat(s.name()).endsWith(hostile));

        ImportCommand.Summary summary = new ImportCommand.Summary(new EnumMap<>(Outcome.class),
                new ArrayList<>(List.of(sources.get(0).name() + ": the file does not start with XML")));
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        summary.print(new PrintStream(printed, true, StandardCharsets.UTF_8));
        String text = printed.toString(StandardCharsets.UTF_8);

        assertThat(text).contains("Failed:", "\\u001B]0;owned\\u0007\\u001B[2J\\u000D\\u202Eevil\\u009B.xml")
                .doesNotContain("\u001b", "\u0007", "\r", "\u202E", "\u009b");
    }
}

package org.recto.ingest.internal;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * Finds the JATS documents behind the paths given to {@code import}: XML files, folders (walked,
 * in name order) and zip archives (their XML entries). Reading is deferred so that a large batch
 * is never held in memory at once.
 */
final class ImportSources {

    /** One document to import: a name for messages and a way to read its bytes. */
    interface Source {
        String name();

        long size();

        byte[] read(long maxBytes) throws IOException;
    }

    private ImportSources() {
    }

    static List<Source> expand(List<Path> paths, List<String> problems) throws IOException {
        List<Source> sources = new ArrayList<>();
        for (Path path : paths) {
            if (!Files.exists(path)) {
                problems.add(path + ": no such file or folder");
            } else if (Files.isDirectory(path)) {
                try (Stream<Path> walk = Files.walk(path)) {
                    for (Path p : walk.filter(Files::isRegularFile).sorted().toList()) {
                        addFile(p, sources, problems, false);
                    }
                }
            } else {
                addFile(path, sources, problems, true);
            }
        }
        return sources;
    }

    private static void addFile(Path path, List<Source> sources, List<String> problems, boolean named) throws IOException {
        String name = path.getFileName().toString().toLowerCase(Locale.ROOT);
        if (name.endsWith(".zip")) {
            addZip(path, sources, problems);
        } else if (name.endsWith(".xml") || named) {
            // A file named on the command line is taken whatever its extension; in folders only .xml.
            sources.add(new FileSource(path, Files.size(path)));
        }
    }

    private static void addZip(Path zip, List<Source> sources, List<String> problems) {
        try (ZipFile file = new ZipFile(zip.toFile())) {
            // Not opened recursively (a zip of zips is how zip bombs nest), but never skipped in silence.
            file.stream()
                    .filter(e -> !e.isDirectory() && e.getName().toLowerCase(Locale.ROOT).endsWith(".zip"))
                    .forEach(e -> problems.add(zip + "!" + e.getName() + ": a zip archive inside a zip archive is not"
                            + " opened; unpack it and import its folder, or import it on its own"));
            file.stream()
                    .filter(e -> !e.isDirectory() && e.getName().toLowerCase(Locale.ROOT).endsWith(".xml"))
                    .filter(e -> !e.getName().startsWith("__MACOSX/"))
                    .sorted((a, b) -> a.getName().compareTo(b.getName()))
                    .forEach(e -> sources.add(new ZipSource(zip, e.getName(), e.getSize())));
        } catch (IOException e) {
            problems.add(zip + ": not a readable zip archive (" + e.getMessage() + ")");
        }
    }

    private record FileSource(Path path, long size) implements Source {
        @Override
        public String name() {
            return path.toString();
        }

        @Override
        public byte[] read(long maxBytes) throws IOException {
            try (InputStream in = Files.newInputStream(path)) {
                return readBounded(in, maxBytes);
            }
        }
    }

    private record ZipSource(Path zip, String entry, long size) implements Source {
        @Override
        public String name() {
            return zip + "!" + entry;
        }

        @Override
        public byte[] read(long maxBytes) throws IOException {
            try (ZipFile file = new ZipFile(zip.toFile())) {
                ZipEntry e = file.getEntry(entry);
                try (InputStream in = file.getInputStream(e)) {
                    // Bounded so that a zip bomb stops at the limit instead of filling memory.
                    return readBounded(in, maxBytes);
                }
            }
        }
    }

    static byte[] readBounded(InputStream in, long maxBytes) throws IOException {
        byte[] bytes = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, maxBytes + 1));
        if (bytes.length > maxBytes) {
            throw new TooLargeException(maxBytes);
        }
        return bytes;
    }

    static final class TooLargeException extends IOException {
        TooLargeException(long maxBytes) {
            super("the file is larger than the import limit of " + (maxBytes / (1024 * 1024)) + " MB");
        }
    }
}

package org.recto.ingest.internal;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * Finds the JATS documents behind the paths given to {@code import}: XML files, folders (walked,
 * in name order) and zip archives (their XML entries). A folder or zip in which exactly one XML refers
 * to the other files is one JATS package (see {@link JatsPackage}). Reading is deferred so that a large
 * batch is never held in memory at once.
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
                addFolder(path, sources, problems);
            } else {
                addFile(path, sources, problems, true);
            }
        }
        return sources;
    }

    private static void addFolder(Path folder, List<Source> sources, List<String> problems) throws IOException {
        List<Path> children;
        try (Stream<Path> list = Files.list(folder)) {
            children = list.sorted().toList();
        }
        List<Path> files = children.stream().filter(Files::isRegularFile)
                .filter(p -> !JatsPackage.ignored(p.getFileName().toString())).toList();
        if (isPackage(files)) {
            sources.add(new FolderPackage(folder, files, files.stream().mapToLong(ImportSources::sizeOf).sum()));
            return;
        }
        for (Path child : children) {
            if (Files.isDirectory(child)) {
                addFolder(child, sources, problems);
            } else if (Files.isRegularFile(child)) {
                addFile(child, sources, problems, false);
            }
        }
    }

    /** Whether exactly one XML file of the folder refers to its other files. */
    private static boolean isPackage(List<Path> files) throws IOException {
        Map<String, byte[]> xmls = new TreeMap<>();
        List<String> others = new ArrayList<>();
        for (Path f : files) {
            String name = f.getFileName().toString();
            if (JatsPackage.isXml(name)) {
                xmls.put(name, null);
            } else {
                others.add(name);
            }
        }
        if (others.isEmpty() || xmls.isEmpty()) {
            return false;
        }
        for (Path f : files) {
            if (xmls.containsKey(f.getFileName().toString())) {
                xmls.put(f.getFileName().toString(), Files.readAllBytes(f));
            }
        }
        List<String> all = files.stream().map(f -> f.getFileName().toString()).toList();
        return JatsPackage.articleAmong(xmls, all).isPresent();
    }

    private static long sizeOf(Path p) {
        try {
            return Files.size(p);
        } catch (IOException e) {
            return 0;
        }
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
            if (isPackage(file)) {
                sources.add(new ZipPackage(zip, Files.size(zip)));
                return;
            }
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

    /** Whether exactly one XML entry of the zip refers to its other entries (XML entries read bounded). */
    private static boolean isPackage(ZipFile file) throws IOException {
        List<? extends ZipEntry> entries = file.stream().filter(e -> !e.isDirectory() && !JatsPackage.ignored(e.getName())).toList();
        if (entries.stream().allMatch(e -> JatsPackage.isXml(e.getName()))) {
            return false;
        }
        Map<String, byte[]> xmls = new TreeMap<>();
        for (ZipEntry e : entries) {
            if (JatsPackage.isXml(e.getName()) && xmls.size() < 100) {
                try (InputStream in = file.getInputStream(e)) {
                    xmls.put(e.getName(), readBounded(in, 50L * 1024 * 1024));
                }
            }
        }
        return JatsPackage.articleAmongEntries(xmls, entries.stream().map(ZipEntry::getName).toList()).isPresent();
    }

    /** A source that is a whole package: the article's XML and its files. */
    interface PackageSource extends Source {
        JatsPackage.Contents contents(long maxBytes) throws IOException;

        @Override
        default byte[] read(long maxBytes) throws IOException {
            return contents(maxBytes).xml();
        }
    }

    private record FolderPackage(Path folder, List<Path> files, long size) implements PackageSource {
        @Override
        public String name() {
            return folder.toString();
        }

        @Override
        public JatsPackage.Contents contents(long maxBytes) throws IOException {
            Map<String, byte[]> entries = new TreeMap<>();
            long budget = maxBytes;
            for (Path f : files) {
                try (InputStream in = Files.newInputStream(f)) {
                    byte[] bytes = readBounded(in, budget);
                    budget -= bytes.length;
                    entries.put(f.getFileName().toString(), bytes);
                } catch (TooLargeException e) {
                    throw new TooLargeException(maxBytes);
                }
            }
            return JatsPackage.contents(entries);
        }
    }

    private record ZipPackage(Path zip, long size) implements PackageSource {
        @Override
        public String name() {
            return zip.toString();
        }

        @Override
        public JatsPackage.Contents contents(long maxBytes) throws IOException {
            try (InputStream in = Files.newInputStream(zip)) {
                return JatsPackage.fromZip(in, maxBytes);
            }
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

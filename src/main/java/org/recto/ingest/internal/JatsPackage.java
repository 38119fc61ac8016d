package org.recto.ingest.internal;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import org.recto.article.ArticleFile;

/**
 * A JATS package: one article XML with the graphics and supplementary files it names. Which XML is the
 * article is decided by references: the one XML whose {@code xlink:href}s name other files of the package
 * (a package may hold other XML, such as eLife's source code files, as supplementary files).
 */
public final class JatsPackage {

    /** Elements whose {@code xlink:href} names a file of the package (not ext-link, license, pub-id). */
    private static final Pattern FILE_REFERENCE = Pattern.compile(
            "<(?:[\\w.-]+:)?(?:graphic|inline-graphic|media|supplementary-material|inline-supplementary-material|self-uri)"
                    + "\\b[^>]*?\\bxlink:href\\s*=\\s*[\"']([^\"']+)[\"']");

    /** More entries than any real package has; past this a zip is refused rather than walked. */
    static final int MAX_ENTRIES = 10_000;

    /** The article's XML and the package's other files. */
    public record Contents(String xmlName, byte[] xml, List<ArticleFile> files) {
    }

    /** A package that cannot be imported, with a message that names the problem. */
    public static final class PackageException extends IOException {
        public PackageException(String message) {
            super(message);
        }
    }

    private JatsPackage() {
    }

    /** The relative file names the XML refers to, in document order, without URLs and fragments. */
    public static List<String> references(byte[] xml) {
        Set<String> names = new LinkedHashSet<>();
        Matcher m = FILE_REFERENCE.matcher(new String(xml, StandardCharsets.UTF_8));
        while (m.find()) {
            String href = m.group(1).strip();
            if (!href.isEmpty() && !href.contains(":") && !href.startsWith("/") && !href.startsWith("#")) {
                names.add(href);
            }
        }
        return List.copyOf(names);
    }

    /** Of the XML documents given, the one that refers to the most of the other names, if one does. */
    static Optional<String> articleAmong(Map<String, byte[]> xmls, Collection<String> otherNames) {
        // The article is the XML that names the most of the other files (eLife ships an older copy of the
        // article as a supplementary XML, which names a few); a tie is not a package.
        String best = null;
        long bestCount = 0;
        boolean tie = false;
        for (Map.Entry<String, byte[]> xml : xmls.entrySet()) {
            long count = references(xml.getValue()).stream()
                    .filter(n -> !n.equals(xml.getKey()) && otherNames.contains(n)).count();
            if (count > bestCount) {
                best = xml.getKey();
                bestCount = count;
                tie = false;
            } else if (count == bestCount && count > 0) {
                tie = true;
            }
        }
        return best == null || tie ? Optional.empty() : Optional.of(best);
    }

    /** Reads a package zip, at most {@code maxBytes} unpacked in all; refuses unsafe entry names. */
    public static Contents fromZip(InputStream in, long maxBytes) throws IOException {
        Map<String, byte[]> entries = new TreeMap<>();
        long budget = maxBytes;
        try (ZipInputStream zip = new ZipInputStream(in, StandardCharsets.UTF_8)) {
            for (ZipEntry e = zip.getNextEntry(); e != null; e = zip.getNextEntry()) {
                if (e.isDirectory() || ignored(e.getName())) {
                    continue;
                }
                String name = safeName(e.getName());
                if (entries.size() >= MAX_ENTRIES) {
                    throw new PackageException("the zip holds more than " + MAX_ENTRIES + " files");
                }
                // Bounded in all, so that a zip bomb stops at the limit instead of filling memory.
                byte[] bytes = zip.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, budget + 1));
                budget -= bytes.length;
                if (budget < 0) {
                    throw new PackageException("the unpacked package is larger than the import limit of "
                            + maxBytes / (1024 * 1024) + " MB");
                }
                if (entries.put(name, bytes) != null) {
                    throw new PackageException(e.getName() + ": the zip holds this name twice");
                }
            }
        } catch (java.util.zip.ZipException e) {
            throw new PackageException("not a readable zip archive (" + e.getMessage() + ")");
        }
        return contents(entries);
    }

    /** The package made of these files (names relative to the package), or why they are not one. */
    static Contents contents(Map<String, byte[]> zipped) throws PackageException {
        // A zip of the package's folder holds its files under that folder's name; the XML names them without it.
        String folder = commonFolder(zipped.keySet());
        Map<String, byte[]> entries = new TreeMap<>();
        zipped.forEach((name, bytes) -> entries.put(name.substring(folder.length()), bytes));
        Map<String, byte[]> xmls = new TreeMap<>();
        entries.forEach((name, bytes) -> {
            if (isXml(name)) {
                xmls.put(name, bytes);
            }
        });
        if (xmls.isEmpty()) {
            throw new PackageException("the package holds no XML file: it needs one JATS article XML");
        }
        String article = xmls.size() == 1 ? xmls.keySet().iterator().next()
                : articleAmong(xmls, entries.keySet()).orElseThrow(() -> new PackageException(
                        "the package holds " + xmls.size() + " XML files and not exactly one of them refers to the"
                                + " package's other files: a package holds one article XML (" + String.join(", ", xmls.keySet()) + ")"));
        List<ArticleFile> files = new ArrayList<>();
        entries.forEach((name, bytes) -> {
            if (!name.equals(article)) {
                files.add(new ArticleFile(name, MediaTypes.of(name), bytes));
            }
        });
        return new Contents(article, entries.get(article), files);
    }

    /**
     * The entry's name as the package's file name; refused when it could point outside the package
     * ({@code ../}, absolute paths, drive letters, backslashes, control characters).
     */
    static String safeName(String name) throws PackageException {
        boolean unsafe = name.startsWith("/") || name.contains("\\") || name.matches("^[A-Za-z]:.*")
                || name.chars().anyMatch(c -> c < 0x20 || c == 0x7f);
        for (String segment : name.split("/")) {
            unsafe |= segment.equals("..") || segment.equals(".");
        }
        if (unsafe) {
            throw new PackageException(name + ": an entry name that points outside the package is refused");
        }
        return name;
    }

    /** The one folder ({@code name/}) every entry is in, or "". */
    static String commonFolder(Collection<String> names) {
        String first = names.isEmpty() ? "" : names.iterator().next();
        int slash = first.indexOf('/');
        if (slash <= 0) {
            return "";
        }
        String folder = first.substring(0, slash + 1);
        return names.stream().allMatch(n -> n.startsWith(folder) && n.length() > folder.length()) ? folder : "";
    }

    /** Of the XML documents (by entry name), the one that refers to some of the other entries, if exactly one does. */
    static Optional<String> articleAmongEntries(Map<String, byte[]> xmls, Collection<String> entryNames) {
        String folder = commonFolder(entryNames);
        Map<String, byte[]> relative = new TreeMap<>();
        xmls.forEach((name, bytes) -> relative.put(name.startsWith(folder) ? name.substring(folder.length()) : name, bytes));
        return articleAmong(relative, entryNames.stream().map(n -> n.startsWith(folder) ? n.substring(folder.length()) : n).toList());
    }

    static boolean ignored(String name) {
        String file = name.substring(name.lastIndexOf('/') + 1);
        return name.startsWith("__MACOSX/") || file.startsWith(".");
    }

    static boolean isXml(String name) {
        return name.toLowerCase(Locale.ROOT).endsWith(".xml");
    }
}

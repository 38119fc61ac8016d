package org.recto.formats.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.apache.fontbox.FontBoxFont;
import org.apache.fontbox.ttf.TTFParser;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.io.RandomAccessReadBuffer;
import org.apache.pdfbox.pdmodel.font.CIDFontMapping;
import org.apache.pdfbox.pdmodel.font.FontMapper;
import org.apache.pdfbox.pdmodel.font.FontMappers;
import org.apache.pdfbox.pdmodel.font.FontMapping;
import org.apache.pdfbox.pdmodel.font.PDCIDSystemInfo;
import org.apache.pdfbox.pdmodel.font.PDFontDescriptor;

/**
 * PDFBox's font mapper, answering every font it is asked for (openhtmltopdf creates the standard 14, and
 * ZapfDingbats had fallen back to the machine's LiberationSans) with one of the DejaVu fonts shipped in the jar:
 * Times to DejaVu Serif, Courier to DejaVu Sans Mono, everything else to DejaVu Sans. PDFBox's default mapper
 * scans and caches the machine's fonts; with this one nothing reads them. The mapper is PDFBox's one global
 * setting, so it is installed once ({@link #install()}) before the first PDF is made.
 */
final class ShippedFonts implements FontMapper {

    private static final String FONTS = "/org/recto/formats/fonts/";

    private final Map<String, TrueTypeFont> parsed = new ConcurrentHashMap<>();

    private ShippedFonts() {
    }

    /** Makes PDFBox use the shipped fonts, unless it already does. */
    static synchronized void install() {
        if (!(FontMappers.instance() instanceof ShippedFonts)) {
            FontMappers.set(new ShippedFonts());
        }
    }

    @Override
    public FontMapping<TrueTypeFont> getTrueTypeFont(String baseFont, PDFontDescriptor descriptor) {
        return new FontMapping<>(font(file(baseFont, descriptor)), false);
    }

    @Override
    public FontMapping<FontBoxFont> getFontBoxFont(String baseFont, PDFontDescriptor descriptor) {
        return new FontMapping<>(font(file(baseFont, descriptor)), false);
    }

    @Override
    public CIDFontMapping getCIDFont(String baseFont, PDFontDescriptor descriptor, PDCIDSystemInfo cidSystemInfo) {
        return new CIDFontMapping(null, font(file(baseFont, descriptor)), true);
    }

    /** The shipped file for a font name (and its descriptor's hints). */
    static String file(String baseFont, PDFontDescriptor descriptor) {
        String name = baseFont == null ? "" : baseFont.toLowerCase(Locale.ROOT);
        boolean bold = name.contains("bold") || descriptor != null && (descriptor.isForceBold() || descriptor.getFontWeight() >= 600);
        boolean italic = name.contains("italic") || name.contains("oblique") || descriptor != null && descriptor.isItalic();
        if (name.contains("courier") || name.contains("mono") || descriptor != null && descriptor.isFixedPitch()) {
            return "DejaVuSansMono.ttf";
        }
        if (name.contains("times") || name.contains("serif") && !name.contains("sans") || descriptor != null && descriptor.isSerif()) {
            return "DejaVuSerif" + (bold && italic ? "-BoldItalic" : bold ? "-Bold" : italic ? "-Italic" : "") + ".ttf";
        }
        return bold ? "DejaVuSans-Bold.ttf" : "DejaVuSans.ttf";
    }

    private TrueTypeFont font(String file) {
        return parsed.computeIfAbsent(file, f -> {
            try (InputStream in = ShippedFonts.class.getResourceAsStream(FONTS + f)) {
                return new TTFParser().parse(new RandomAccessReadBuffer(in.readAllBytes()));
            } catch (IOException e) {
                throw new UncheckedIOException("the shipped font " + f + " cannot be read", e);
            }
        });
    }
}

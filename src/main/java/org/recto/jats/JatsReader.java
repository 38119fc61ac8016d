package org.recto.jats;

import java.util.Locale;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;

import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

import org.recto.article.Article;
import org.recto.jats.internal.JatsArticleParser;
import org.recto.jats.internal.DeclaredEncoding;
import org.recto.jats.internal.JatsFailure;
import org.recto.jats.internal.Scratch;
import org.recto.jats.internal.StaxFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * Reads JATS 1.1–1.3 and NLM 3.0 XML into an {@link Article}, with the JDK's StAX parser in one
 * pass. Never loads a DTD or an external entity; refuses entity declarations; refuses documents
 * over a size limit before parsing them. Thread-safe: one instance serves every import.
 */
@Component
public class JatsReader {

    /** 50 MB: several times the largest article of the corpus, small enough to hold in memory. */
    public static final long DEFAULT_MAX_BYTES = 50L * 1024 * 1024;

    private final XMLInputFactory factory;
    private final long maxBytes;
    /**
     * Reusable buffers, so that reading allocates little beyond the article itself. A small pool
     * rather than one per thread: a web server's many threads would each keep theirs forever.
     */
    private final BlockingQueue<Scratch> scratches =
            new ArrayBlockingQueue<>(Math.max(2, Runtime.getRuntime().availableProcessors()));

    public JatsReader() {
        this(DEFAULT_MAX_BYTES);
    }

    @Autowired
    public JatsReader(JatsProperties properties) {
        this(properties.maxBytes());
    }

    public JatsReader(long maxBytes) {
        if (maxBytes <= 0) {
            throw new IllegalArgumentException("recto.jats.max-bytes must be positive, not " + maxBytes);
        }
        this.maxBytes = maxBytes;
        // Configured once; the JDK factory creates independent readers, so sharing it is safe.
        this.factory = StaxFactory.create();
    }

    /** The largest document this reader accepts, in bytes. */
    public long maxBytes() {
        return maxBytes;
    }

    /** Reads one JATS document. {@code file} is the name used in problems (a path or "request body"). */
    public Article read(byte[] xml, String file) throws JatsException {
        String name = file == null || file.isBlank() ? "(unnamed)" : file;
        if (xml == null || xml.length == 0) {
            throw new JatsException(new JatsProblem(name, 0, 0, "the file is empty"));
        }
        if (xml.length > maxBytes) {
            throw new JatsException(new JatsProblem(name, 0, 0, "the file is " + megabytes(xml.length)
                    + " (" + xml.length + " bytes), more than the limit of " + megabytes(maxBytes)
                    + " for one article (setting recto.jats.max-bytes); it was not read"));
        }
        XMLStreamReader reader = null;
        Scratch scratch = scratches.poll();
        if (scratch == null) {
            scratch = new Scratch();
        }
        try {
            DeclaredEncoding.check(xml, name);
            reader = StaxFactory.open(factory, xml, name);
            return JatsArticleParser.read(reader, name, xml, scratch);
        } catch (JatsFailure f) {
            throw new JatsException(f.problem());
        } catch (RuntimeException e) {
            // The JDK parser can fail on hostile input in ways it does not declare; say so, never crash the import.
            throw new JatsException(new JatsProblem(name, 0, 0, "the XML cannot be read: " + e));
        } finally {
            scratches.offer(scratch); // dropped when the pool is full
            if (reader != null) {
                try {
                    reader.close();
                } catch (XMLStreamException ignored) {
                    // nothing to release for an in-memory document
                }
            }
        }
    }

    private static String megabytes(long bytes) {
        return String.format(Locale.ROOT, "%.1f MB", bytes / (1024.0 * 1024.0));
    }
}

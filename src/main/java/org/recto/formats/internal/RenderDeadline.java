package org.recto.formats.internal;

import java.io.IOException;
import java.io.OutputStream;
import java.text.BreakIterator;
import java.time.Duration;
import java.util.Locale;

import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.common.PDRectangle;

import com.openhtmltopdf.extend.FSTextBreaker;
import com.openhtmltopdf.layout.UrlAwareLineBreakIterator;
import com.openhtmltopdf.pdfboxout.PageSupplier;

/**
 * When a render gives up. openhtmltopdf has no way to be stopped, so the render looks at its deadline (and at its
 * thread's interrupt) where it spends its time: the layout at each text run it breaks into lines, the painter at
 * each page it starts, PDFBox's writer at each write, and our own steps between. Past it the render throws
 * {@link Abandoned} and its thread is free for the next one.
 */
record RenderDeadline(long nanos) {

    static final RenderDeadline NONE = new RenderDeadline(Long.MAX_VALUE);

    /** Thrown on the rendering thread once the deadline has passed or the thread was interrupted. */
    static final class Abandoned extends RuntimeException {
        Abandoned(String message) {
            super(message);
        }
    }

    static RenderDeadline after(Duration limit) {
        return new RenderDeadline(System.nanoTime() + limit.toNanos());
    }

    void check() {
        if (Thread.currentThread().isInterrupted()) {
            throw new Abandoned("the render was interrupted");
        }
        if (nanos != Long.MAX_VALUE && System.nanoTime() - nanos > 0) {
            throw new Abandoned("the render passed its time limit");
        }
    }

    /** openhtmltopdf's own line breaker, checking the deadline at each text it is given. */
    FSTextBreaker lineBreaker() {
        FSTextBreaker breaker = new UrlAwareLineBreakIterator(BreakIterator.getLineInstance(Locale.US));
        return new FSTextBreaker() {
            @Override
            public int next() {
                return breaker.next();
            }

            @Override
            public void setText(String text) {
                check();
                breaker.setText(text);
            }
        };
    }

    /** openhtmltopdf's own page supplier (a page of the size asked, added to the document), checking first. */
    PageSupplier pages() {
        return (doc, width, height, pageNumber, shadowPageNumber) -> {
            check();
            PDPage page = new PDPage(new PDRectangle(width, height));
            doc.addPage(page);
            return page;
        };
    }

    /** The stream PDFBox writes the file to, checking at each write. */
    OutputStream guard(OutputStream out) {
        return new OutputStream() {
            @Override
            public void write(int b) throws IOException {
                check();
                out.write(b);
            }

            @Override
            public void write(byte[] b, int off, int len) throws IOException {
                check();
                out.write(b, off, len);
            }
        };
    }
}

package org.recto.jats.internal;

import java.util.Arrays;

/**
 * Buffers reused from one document to the next: the body's HTML and stacks of
 * small buffers for titles, notes and reference fields. Reading allocated several times the size
 * of its input in short-lived buffers before; reusing them keeps the reader close to the parser's
 * own speed. Used strictly in last-borrowed, first-returned order; one document at a time.
 */
public final class Scratch {

    /** A buffer that grew past this (in chars: 4 MB) is not kept for the next document. */
    private static final int KEEP_LIMIT = 2 << 20;

    private Out body = new Out(1 << 16);
    private Out[] outs = new Out[16];
    private int outTop;
    private StringBuilder[] builders = new StringBuilder[16];
    private int builderTop;

    /** Makes the buffers ready for a new document (also after one that failed halfway). */
    void reset() {
        if (body.capacity() > KEEP_LIMIT) {
            body = new Out(1 << 16);
        }
        body.setLength(0);
        outTop = 0;
        builderTop = 0;
    }

    Out body() {
        return body;
    }

    Out borrowOut() {
        if (outTop == outs.length) {
            outs = Arrays.copyOf(outs, outs.length * 2);
        }
        Out o = outs[outTop];
        if (o == null || o.capacity() > KEEP_LIMIT) {
            o = outs[outTop] = new Out(256);
        } else {
            o.setLength(0);
        }
        outTop++;
        return o;
    }

    void releaseOut() {
        outTop--;
    }

    StringBuilder borrowBuilder() {
        if (builderTop == builders.length) {
            builders = Arrays.copyOf(builders, builders.length * 2);
        }
        StringBuilder sb = builders[builderTop];
        if (sb == null || sb.capacity() > KEEP_LIMIT) {
            sb = builders[builderTop] = new StringBuilder(256);
        } else {
            sb.setLength(0);
        }
        builderTop++;
        return sb;
    }

    void releaseBuilder() {
        builderTop--;
    }
}

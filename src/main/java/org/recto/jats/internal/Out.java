package org.recto.jats.internal;

import java.util.Arrays;

import org.recto.article.Html;

/**
 * A growable char buffer for the HTML the reader writes. It does what {@link StringBuilder} does
 * for this use, but copies text from the parser's buffer with escaping and whitespace collapsing in
 * a single loop: with StringBuilder the copy was the largest cost of reading a body.
 */
final class Out implements CharSequence {

    private char[] buf;
    private int len;

    Out() {
        this(256);
    }

    Out(int capacity) {
        buf = new char[Math.max(16, capacity)];
    }

    private void ensure(int extra) {
        int need = len + extra;
        if (need > buf.length) {
            buf = Arrays.copyOf(buf, Math.max(need, buf.length * 2));
        }
    }

    Out append(String s) {
        int n = s.length();
        ensure(n);
        s.getChars(0, n, buf, len);
        len += n;
        return this;
    }

    Out append(char c) {
        if (len == buf.length) {
            ensure(1);
        }
        buf[len++] = c;
        return this;
    }

    Out append(int i) {
        return append(Integer.toString(i));
    }

    Out append(Out o) {
        ensure(o.len);
        System.arraycopy(o.buf, 0, buf, len, o.len);
        len += o.len;
        return this;
    }

    /** Appends chars as they are. */
    Out append(char[] c, int start, int count) {
        ensure(count);
        System.arraycopy(c, start, buf, len, count);
        len += count;
        return this;
    }

    /**
     * Appends chars escaped for HTML text, as {@link Html#textEntity} says. With {@code collapse}, each run of XML
     * whitespace becomes one space, and none follows a space already written.
     */
    void appendEscaped(char[] c, int start, int end, boolean collapse) {
        ensure(end - start + 16);
        char[] b = buf;
        int n = len;
        boolean space = collapse && n > 0 && b[n - 1] == ' ';
        for (int i = start; i < end; i++) {
            char ch = c[i];
            if (ch > ' ') {
                String entity = Html.textEntity(ch);
                if (entity == null) {
                    b[n++] = ch;
                    space = false;
                    continue;
                }
                if (n + entity.length() + (end - i) > b.length) {
                    len = n;
                    ensure(entity.length() + (end - i) + 16);
                    b = buf;
                }
                entity.getChars(0, entity.length(), b, n);
                n += entity.length();
                space = false;
            } else if (ch == ' ' || ch == '\n' || ch == '\t' || ch == '\r') {
                if (!collapse) {
                    b[n++] = ch;
                } else if (!space) {
                    b[n++] = ' ';
                    space = true;
                }
            } else {
                b[n++] = ch;
                space = false;
            }
        }
        len = n;
    }

    /** The buffer itself, for reading its first {@link #length()} chars without a copy. */
    char[] array() {
        return buf;
    }

    int capacity() {
        return buf.length;
    }

    @Override
    public int length() {
        return len;
    }

    @Override
    public char charAt(int i) {
        return buf[i];
    }

    @Override
    public CharSequence subSequence(int start, int end) {
        return new String(buf, start, end - start);
    }

    @Override
    public boolean isEmpty() {
        return len == 0;
    }

    void deleteCharAt(int i) {
        System.arraycopy(buf, i + 1, buf, i, len - i - 1);
        len--;
    }

    void setLength(int n) {
        len = n;
    }

    String substring(int start, int end) {
        return new String(buf, start, end - start);
    }

    @Override
    public String toString() {
        return new String(buf, 0, len);
    }
}

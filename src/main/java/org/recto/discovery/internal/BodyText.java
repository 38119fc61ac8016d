package org.recto.discovery.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.apache.lucene.index.BinaryDocValues;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.ReaderUtil;
import org.apache.lucene.util.BytesRef;

/**
 * An article's body text, kept in the index as a binary doc value ({@link Fields#BODY_TEXT}) rather than a stored
 * field: stored fields are compressed a document at a time, so a stored body made every read of a result's title,
 * authors or abstract decompress the whole body too (a third of a search's CPU, in the profile). A doc value is
 * read in place, and only when a snippet or the related content needs the body.
 */
final class BodyText {

    private BodyText() {
    }

    /** The body of the document (top-level id), at most {@code maxChars} characters of it; empty if it has none. */
    static String of(IndexReader reader, int doc, int maxChars) throws IOException {
        List<LeafReaderContext> leaves = reader.leaves();
        LeafReaderContext leaf = leaves.get(ReaderUtil.subIndex(doc, leaves));
        BinaryDocValues values = leaf.reader().getBinaryDocValues(Fields.BODY_TEXT);
        if (values == null || !values.advanceExact(doc - leaf.docBase)) {
            return "";
        }
        BytesRef bytes = values.binaryValue();
        // A UTF-8 character is at most four bytes: decode no more than the characters asked for can need.
        int length = maxChars >= bytes.length / 4 ? bytes.length : maxChars * 4;
        String text = new String(bytes.bytes, bytes.offset, length, StandardCharsets.UTF_8);
        return text.length() <= maxChars ? text : text.substring(0, maxChars);
    }

    static String of(IndexReader reader, int doc) throws IOException {
        return of(reader, doc, Integer.MAX_VALUE);
    }
}

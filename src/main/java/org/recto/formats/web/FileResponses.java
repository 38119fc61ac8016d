package org.recto.formats.web;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.List;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpRange;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Sends a stored file as a download: a file name, a strong ETag (the file never changes once made; a new
 * version is a new file), 304 on {@code If-None-Match}, and one byte range on {@code Range} (what PDF
 * viewers and download managers ask for), honouring {@code If-Range}. Several ranges get the whole file.
 */
final class FileResponses {

    /** Tomcat's request attributes for sendfile (as its DefaultServlet uses them; the end is exclusive). */
    private static final String SENDFILE_SUPPORTED = "org.apache.tomcat.sendfile.support";
    private static final String SENDFILE_FILE = "org.apache.tomcat.sendfile.filename";
    private static final String SENDFILE_START = "org.apache.tomcat.sendfile.start";
    private static final String SENDFILE_END = "org.apache.tomcat.sendfile.end";
    /** Below this a plain copy is as cheap (Tomcat's own {@code sendfileSize} default). */
    private static final long SENDFILE_FROM = 48 * 1024;

    private FileResponses() {
    }

    /** What was sent: whether the response carried the file's start (only those are counted as downloads). */
    enum Sent { WHOLE, NOT_MODIFIED, PART_FROM_START, PART, UNSATISFIABLE }

    static Sent send(Path file, String mediaType, String fileName, HttpServletRequest request,
                     HttpServletResponse response) throws IOException {
        BasicFileAttributes attributes = Files.readAttributes(file, BasicFileAttributes.class);
        long size = attributes.size();
        long modified = attributes.lastModifiedTime().toMillis();
        String etag = "\"" + Long.toHexString(size) + "-" + Long.toHexString(modified) + "\"";
        response.setHeader(HttpHeaders.ETAG, etag);
        response.setHeader(HttpHeaders.CACHE_CONTROL, "no-cache");
        response.setHeader(HttpHeaders.ACCEPT_RANGES, "bytes");
        response.setHeader(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + fileName + "\"");
        response.setDateHeader(HttpHeaders.LAST_MODIFIED, modified);
        String inm = request.getHeader(HttpHeaders.IF_NONE_MATCH);
        if (inm != null && (inm.contains(etag) || inm.strip().equals("*"))) {
            response.setStatus(HttpServletResponse.SC_NOT_MODIFIED);
            return Sent.NOT_MODIFIED;
        }
        response.setContentType(mediaType);
        long start = 0;
        long end = size - 1;
        Sent sent = Sent.WHOLE;
        String range = request.getHeader(HttpHeaders.RANGE);
        String ifRange = request.getHeader(HttpHeaders.IF_RANGE);
        if (range != null && (ifRange == null || ifRange.strip().equals(etag))) {
            List<HttpRange> ranges;
            try {
                ranges = HttpRange.parseRanges(range);
            } catch (IllegalArgumentException bad) {
                ranges = List.of();
            }
            if (ranges.size() == 1) {
                HttpRange r = ranges.get(0);
                if (size == 0 || r.getRangeStart(size) >= size) {
                    response.setStatus(HttpServletResponse.SC_REQUESTED_RANGE_NOT_SATISFIABLE);
                    response.setHeader(HttpHeaders.CONTENT_RANGE, "bytes */" + size);
                    return Sent.UNSATISFIABLE;
                }
                start = r.getRangeStart(size);
                end = Math.min(r.getRangeEnd(size), size - 1);
                response.setStatus(HttpServletResponse.SC_PARTIAL_CONTENT);
                response.setHeader(HttpHeaders.CONTENT_RANGE, "bytes " + start + "-" + end + "/" + size);
                sent = start == 0 ? Sent.PART_FROM_START : Sent.PART;
            }
        }
        long length = end - start + 1;
        response.setContentLengthLong(length);
        if ("HEAD".equals(request.getMethod())) {
            return sent;
        }
        if (Boolean.TRUE.equals(request.getAttribute(SENDFILE_SUPPORTED)) && length >= SENDFILE_FROM) {
            // Tomcat sends the bytes itself once the handler returns, with the kernel's sendfile as nginx does,
            // rather than copied through the JVM's buffers to the servlet stream.
            request.setAttribute(SENDFILE_FILE, file.toAbsolutePath().toString());
            request.setAttribute(SENDFILE_START, start);
            request.setAttribute(SENDFILE_END, end + 1);
            return sent;
        }
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            OutputStream out = response.getOutputStream();
            long done = 0;
            var target = Channels.newChannel(out);
            while (done < length) {
                long n = channel.transferTo(start + done, length - done, target);
                if (n <= 0) {
                    break;
                }
                done += n;
            }
        }
        return sent;
    }
}

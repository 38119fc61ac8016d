package org.recto.usage;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;

/** The one rule of what a reader asked for: HEADs, prefetches and sub-resources are not, a document or embedded viewer is. */
class ReaderRequestsTest {

    @Test
    void headPrefetchAndSubResourcesAreNotAReaderAsking() {
        assertThat(ReaderRequests.readerAsked(request("HEAD", null, null))).isFalse();
        assertThat(ReaderRequests.readerAsked(request("GET", "Sec-Purpose", "prefetch"))).isFalse();
        assertThat(ReaderRequests.readerAsked(request("GET", "Sec-Purpose", "prefetch;prerender"))).isFalse();
        assertThat(ReaderRequests.readerAsked(request("GET", "Purpose", "prefetch"))).isFalse();
        assertThat(ReaderRequests.readerAsked(request("GET", "X-Moz", "prefetch"))).isFalse();
        assertThat(ReaderRequests.readerAsked(request("GET", "X-Purpose", "preview"))).isFalse();
        assertThat(ReaderRequests.readerAsked(request("GET", "Sec-Fetch-Dest", "image"))).isFalse();
        assertThat(ReaderRequests.readerAsked(request("GET", "Sec-Fetch-Dest", "empty"))).isFalse();

        assertThat(ReaderRequests.readerAsked(request("GET", null, null))).isTrue();
        assertThat(ReaderRequests.readerAsked(request("GET", "Sec-Fetch-Dest", "document"))).isTrue();
        assertThat(ReaderRequests.readerAsked(request("GET", "Sec-Fetch-Dest", "embed"))).isTrue();
        assertThat(ReaderRequests.readerAsked(request("POST", "Sec-Fetch-Dest", "Document "))).isTrue();
    }

    private static MockHttpServletRequest request(String method, String header, String value) {
        MockHttpServletRequest r = new MockHttpServletRequest(method, "/doi/10.1/x/pdf");
        if (header != null) {
            r.addHeader(header, value);
        }
        return r;
    }
}

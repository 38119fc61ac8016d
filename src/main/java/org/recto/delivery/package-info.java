/**
 * Send to Kindle (e-mail to the reader's Kindle address, through the configured SMTP server), to Dropbox and
 * to Google Drive (OAuth 2.0 authorization code with PKCE): the article's PDF or EPUB from the formats module,
 * with the reader's consent, under rate limits, never to an address or an account the reader did not choose.
 * Its pages are {@code /doi/{doi}/send/kindle}, {@code /send/dropbox} and {@code /send/google-drive}; its
 * only public type is its configuration.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Delivery (Send to Kindle, Dropbox, Google Drive)")
package org.recto.delivery;

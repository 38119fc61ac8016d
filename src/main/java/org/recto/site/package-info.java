/** The reader's pages: home, journal, issue, article landing page, full text. Composes the other modules' APIs. */
@org.springframework.modulith.ApplicationModule(displayName = "Reader's site")
package org.recto.site;

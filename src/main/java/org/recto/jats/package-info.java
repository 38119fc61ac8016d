/**
 * Reads JATS 1.1–1.3 (archiving and publishing) and NLM 3.0 XML into the {@link org.recto.article.Article}
 * model with StAX. Never loads an external DTD or entity; refuses entity tricks; every error names
 * the file, line and column.
 */
@org.springframework.modulith.ApplicationModule(displayName = "JATS reader")
package org.recto.jats;

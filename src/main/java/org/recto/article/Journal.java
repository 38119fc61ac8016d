package org.recto.article;

/** A journal on the platform, with how many articles it holds. */
public record Journal(String key, String title, String issnPrint, String issnElectronic, String publisher, int articleCount) {
}

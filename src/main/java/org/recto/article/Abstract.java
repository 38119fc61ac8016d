package org.recto.article;

/**
 * An abstract. {@code type} is null for the main abstract, else its {@code abstract-type}
 * (graphical, teaser, executive-summary, …). A structured abstract keeps its sections as
 * {@code <section>} elements with {@code <h3>} headings inside {@code html}.
 */
public record Abstract(String type, String title, String html, boolean structured) {
}

/**
 * Reference strings in, labelled fields out: {@link org.recto.references.ReferenceParser} (a
 * linear-chain CRF trained on the shared AnyStyle and GROBID gold data, shipped as a resource),
 * {@link org.recto.references.Identifiers} (DOIs, URLs, ISBNs found in text) and
 * {@link org.recto.references.NoteResolver} (notes split into citations and commentary, with
 * "Ibid.", "op. cit." and short forms resolved to the note holding the full reference).
 * The command-line verbs {@code refs-parse}, {@code refs-eval} and {@code refs-train} are in
 * {@link org.recto.references.ReferenceCommands}.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Reference parsing")
package org.recto.references;

/**
 * Training and evaluation of the reference parser (refs-train, refs-eval): the gold data readers, the
 * CRF and classifier trainers, the development split and the scoring. Reached only from
 * {@link org.recto.references.ReferenceCommands}, which runs before Spring starts; the server never
 * loads these classes (TrainingCommandsTest keeps it so).
 */
package org.recto.references.training;

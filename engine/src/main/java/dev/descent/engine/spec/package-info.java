/**
 * The job spec: immutable records of what a job asks for ({@link dev.descent.engine.spec.TrainingSpec} and its
 * parts), the vocabulary of names a spec may use, and {@link dev.descent.engine.spec.SpecParser}, which reads JSON
 * into a spec with every default filled, reporting every violation by its JSON pointer, and writes canonical JSON.
 */
package dev.descent.engine.spec;

/**
 * The job spec: immutable records of what a job asks for ({@link dev.descent.engine.spec.JobSpec}: a
 * {@link dev.descent.engine.spec.TrainingSpec} and its parts, or an {@link dev.descent.engine.spec.OnlineJobSpec}),
 * the vocabulary of names a spec may use, {@link dev.descent.engine.spec.SpecParser}, which reads JSON into a
 * training spec with every default filled, reporting every violation by its JSON pointer, and writes canonical JSON,
 * and {@link dev.descent.engine.spec.JobSpecs}, which does the same for any job, dispatching on its {@code task}.
 */
package dev.descent.engine.spec;

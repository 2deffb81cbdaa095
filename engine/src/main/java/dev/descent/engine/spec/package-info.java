/**
 * The job spec: immutable records of what a job asks for ({@link dev.descent.engine.spec.JobSpec}: a
 * {@link dev.descent.engine.spec.TrainingSpec} and its parts, one {@link dev.descent.engine.spec.LayerSpec} record
 * per layer type, or an {@link dev.descent.engine.spec.OnlineJobSpec}), the vocabulary of names a spec may use,
 * and {@link dev.descent.engine.spec.SpecParser}, which reads JSON into a spec with every default filled, reporting
 * every violation by its JSON pointer, and writes canonical JSON; {@link dev.descent.engine.spec.JobSpecs} does the
 * same for any job, dispatching on its {@code task}. Layer readers are registered per family
 * ({@code LayerReaders}, {@code ConvLayerReaders}, {@code NormLayerReaders}); {@link dev.descent.engine.spec.Shape}
 * follows a sample's activations through the model so that windows, group counts and parameter counts are checked
 * before a job is accepted. Weight and bias inits are validated by {@code dev.descent.engine.init}.
 */
package dev.descent.engine.spec;

/**
 * The job spec: immutable records of what a job asks for ({@link dev.descent.engine.spec.JobSpec}: a
 * {@link dev.descent.engine.spec.TrainingSpec} and its parts, one {@link dev.descent.engine.spec.LayerSpec} record
 * per layer type, or an {@link dev.descent.engine.spec.OnlineJobSpec}), the vocabulary of names a spec may use,
 * and {@link dev.descent.engine.spec.SpecParser}, which reads JSON into a spec with every default filled, reporting
 * every violation by its JSON pointer, and writes canonical JSON; {@link dev.descent.engine.spec.JobSpecs} does the
 * same for any job, dispatching on its {@code task}. Layer readers are registered per family
 * ({@code LayerReaders}, {@code ConvLayerReaders}, {@code NormLayerReaders}); {@link dev.descent.engine.spec.Shape}
 * follows a sample's activations through the model so that windows, group counts and parameter counts are checked
 * before a job is accepted. Fields are read with {@code dev.descent.engine.validation.FieldReader}; the optimizer,
 * schedule, weight and bias inits and online learners are read by their families ({@code optim}, {@code
 * optim.schedule}, {@code fullbatch}, {@code init}, {@code init.bias}, {@code online}) into their records
 * ({@code OptimizerSpec}, {@code ScheduleSpec}, {@code WeightInitSpec}, …; {@link
 * dev.descent.engine.spec.OptimizerKinds} sends the optimizer to its family), and the files a spec names are opened
 * with {@code dev.descent.engine.data.files}. The engine reads the records only; a spec's JSON parts are kept for
 * output. Adding a field: the family's reader, its record and {@code docs/job-spec.md}.
 */
package dev.descent.engine.spec;

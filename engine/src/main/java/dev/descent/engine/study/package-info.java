/**
 * Studies: many jobs that differ in a few settings, compared fairly. {@link dev.descent.engine.study.StudySpecs}
 * reads a study body (a base job spec, arms that set JSON pointers in it, a grid or random search space, seeds, an
 * objective) into a {@link dev.descent.engine.study.StudySpec} and expands it into its
 * {@link dev.descent.engine.study.Trial}s, deterministically (random points from {@code sampleSeed}). Every trial's
 * job spec is validated with {@code JobSpecs.parse}; a violation is reported where the study body caused it
 * ({@link dev.descent.engine.study.TrialSpecs}): under the arm's {@code set} key or the search dimension that put the
 * value there, else under {@code /base}. Fields are read with {@code dev.descent.engine.validation.FieldReader}.
 */
package dev.descent.engine.study;

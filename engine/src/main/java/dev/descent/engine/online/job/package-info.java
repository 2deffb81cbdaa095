/**
 * Online learning as a queued job: the streams that {@code dev.descent.engine.OnlineJobRunner} trains on. It turns an
 * {@link dev.descent.engine.spec.OnlineJobSpec} into a stream ({@link dev.descent.engine.online.job.OnlineStreams}:
 * the seeded synthetic sparse stream, a shipped dataset in a seeded order, or a user's LibSVM/CSV file of the data
 * folder in file order ({@link dev.descent.engine.online.job.FileStreams}), optionally hashed), trains its learner
 * with {@link dev.descent.engine.online.OnlineTrainer} and wires metrics, progress, cancellation, checkpoints and
 * resumption onto the engine's ports.
 */
package dev.descent.engine.online.job;

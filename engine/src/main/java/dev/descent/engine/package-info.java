/**
 * The engine's entry points: {@link dev.descent.engine.TrainingEngine} runs one job's spec to an outcome through the
 * ports in {@link dev.descent.engine.TrainingContext}; {@link dev.descent.engine.NativeThreads} pins ND4J's native
 * thread pools so that one job uses one core. {@code OnlineJobRunner} runs an online job on the streams of
 * {@code dev.descent.engine.online.job}; it lives here so that no package below the entry points depends on them.
 */
package dev.descent.engine;

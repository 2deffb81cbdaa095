/**
 * Test helpers shared by the engine's tests: a training context that records what the engine reports, temporary IDX
 * folders.
 */
package dev.descent.engine.support;

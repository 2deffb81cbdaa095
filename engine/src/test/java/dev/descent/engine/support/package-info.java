/** Test helpers shared by the engine's tests: a training context that records what the engine reports. */
package dev.descent.engine.support;

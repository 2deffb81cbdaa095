/** Turns a job's model spec into a DL4J {@code MultiLayerNetwork} (float32, seeded), with its updater. */
package dev.descent.engine.model;

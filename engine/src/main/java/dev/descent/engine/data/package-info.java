/**
 * Datasets: the vendored built-in sets (Iris, Wine, Breast Cancer, Digits, Diabetes), seeded synthetic generators,
 * the stratified train/validation split, standardization, and the deterministic minibatch iterator the training loop
 * walks. Features are float32.
 */
package dev.descent.engine.data;

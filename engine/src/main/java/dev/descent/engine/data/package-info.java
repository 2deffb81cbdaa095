/**
 * Datasets: the vendored built-in sets (Iris, Wine, Breast Cancer, Digits, Diabetes), Fashion-MNIST read from its IDX
 * files in a configurable folder, seeded synthetic generators (including the {@code bars} images), the stratified
 * train/validation split, standardization, and the deterministic minibatch iterator the training loop walks. Features
 * are float32; images are flat NCHW rows.
 */
package dev.descent.engine.data;

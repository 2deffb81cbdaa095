/**
 * Using a trained model: {@code Predictor} reads a checkpoint's network and answers its outputs for given rows and,
 * where labels are known, the loss, accuracy and confusion matrix, computed as the training loop's per-epoch
 * evaluation computes {@code val_loss} and {@code val_accuracy}.
 */
package dev.descent.engine.predict;

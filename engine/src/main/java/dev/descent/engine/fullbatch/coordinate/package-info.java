/**
 * Block coordinate descent: one outer step sweeps the parameter groups in order, minimizing over each block with
 * the others held fixed, by one step of that block's own inner full-batch optimizer.
 */
package dev.descent.engine.fullbatch.coordinate;

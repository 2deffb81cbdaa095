/**
 * Online learning of sparse linear and logistic models, each sample seen once, in order: plain online gradient
 * descent, truncated gradient (Langford et al. 2009), FOBOS-L1 (Duchi and Singer 2009), RDA-L1 (Xiao 2010) and
 * FTRL-Proximal (McMahan et al. 2013); the trainer that scores each sample before learning from it (progressive
 * validation), reports through {@link dev.descent.engine.spi.MetricSink} and snapshots the learner's state for
 * checkpoints and bit-identical resumption; and the JSON spec entry point
 * {@link dev.descent.engine.online.OnlineSpecs}.
 */
package dev.descent.engine.online;

/**
 * A job's rules at run time: {@link dev.descent.engine.rules.Rules}, the metric sink that evaluates every rule on the
 * points of its series as they are recorded (on the training thread), reports each firing through the
 * {@link dev.descent.engine.spi.RuleSink} port and tells the loop what it asked for (a checkpoint, or an end: stop,
 * fail, pause); its state goes into checkpoints so that a resumed run fires exactly as an uninterrupted one.
 */
package dev.descent.engine.rules;

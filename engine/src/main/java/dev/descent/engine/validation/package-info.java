/**
 * Reading JSON spec fields, the one way every spec family does it: {@link
 * dev.descent.engine.validation.FieldReader} reads typed fields while collecting every problem as a {@link
 * dev.descent.engine.validation.Violation} named by its RFC 6901 pointer (escaped by {@link
 * dev.descent.engine.validation.FieldReader#pointer}), {@link dev.descent.engine.validation.SpecFields} does the same
 * for one object whose fields the family reads in turn, and {@link dev.descent.engine.validation.SpecException}
 * carries them all to the caller. A field no reader asked for is an {@code "unknown field"}. This package depends on
 * no other engine package, so that the families (optimizers, schedules, inits, full-batch, online) and the job spec
 * that sits above them can all use it without a cycle.
 */
package dev.descent.engine.validation;

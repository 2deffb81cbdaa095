/**
 * Value identity for configuration objects that DL4J serializes and compares (updaters, schedules, weight inits):
 * equality, hash and text from an ordered list of settings. Depends on no other engine package.
 */
package dev.descent.engine.value;

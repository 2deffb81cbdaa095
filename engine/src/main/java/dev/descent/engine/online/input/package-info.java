/**
 * Input for online learning: sparse vectors, labelled examples, the LibSVM ({@code label index:value …}) and CSV row
 * parsers, the feature spaces they map indices into (identity or seeded feature hashing), and a seeded synthetic
 * sparse logistic stream.
 */
package dev.descent.engine.online.input;

/**
 * Input for online learning: sparse vectors, labelled examples, the LibSVM ({@code label index:value …}) and CSV row
 * parsers, data files read lazily row by row with their line numbers ({@link
 * dev.descent.engine.online.input.TextRows}, gzip-aware), the feature spaces they map indices into (identity or
 * seeded feature hashing), and a seeded synthetic sparse logistic stream.
 */
package dev.descent.engine.online.input;

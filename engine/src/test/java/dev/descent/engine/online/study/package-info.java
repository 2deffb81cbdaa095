/** The online sparsity study: a test-side main that prints the table of {@code docs/studies/online-sparsity.md}. */
package dev.descent.engine.online.study;

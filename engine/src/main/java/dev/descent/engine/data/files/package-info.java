/**
 * The files a spec may name and the engine reads: the user data folder ({@link
 * dev.descent.engine.data.files.DataFolder}; a spec's paths may not leave it), IDX headers and folders in the MNIST
 * layout ({@link dev.descent.engine.data.files.IdxHeader}, {@link dev.descent.engine.data.files.IdxFolder}) and where
 * Fashion-MNIST is installed ({@link dev.descent.engine.data.files.FashionMnistFolder}). Depends on no other engine
 * package: the spec reader opens folders here to check them before a job is accepted, and the datasets of {@code
 * dev.descent.engine.data} load them when it runs.
 */
package dev.descent.engine.data.files;

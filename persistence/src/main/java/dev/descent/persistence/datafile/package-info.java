/** The owners of the data folder's uploaded files, for tenant isolation and the data-folder quota. */
package dev.descent.persistence.datafile;

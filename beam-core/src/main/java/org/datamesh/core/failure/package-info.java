/** Failures as data: why a record did not make it into a data product, and where it came from. */
package org.datamesh.core.failure;

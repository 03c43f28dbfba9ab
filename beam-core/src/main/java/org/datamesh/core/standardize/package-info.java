/** Putting rows into canonical form: UTC timestamps, currency-scaled amounts, normalized codes. */
package org.datamesh.core.standardize;

/**
 * A product's record path: the per-record steps (validate, standardize, later protect) as plain
 * Java functions, compiled once against the row schema and run on each record inside the parsing
 * DoFn, so no intermediate row is encoded between stages.
 */
package org.datamesh.core.record;

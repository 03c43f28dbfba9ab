/**
 * Dataset checks: analyzers compute metrics over a table's published rows in one pass, checks
 * assert on those metrics with a severity, and an ERROR check that fails stops the run from
 * publishing (the quality gate).
 */
package org.datamesh.rules.dataset;

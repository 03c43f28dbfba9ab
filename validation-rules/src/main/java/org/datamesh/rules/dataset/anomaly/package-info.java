/**
 * Anomaly detection over a product's metric history: strategies (absolute change, relative rate
 * of change, z-score) that give the range a metric may take given its earlier published runs,
 * and the check that judges a run with one of them in the commit step.
 */
package org.datamesh.rules.dataset.anomaly;

/**
 * The mesh's sample data: a seeded world of customers, products, warehouses and lanes, one
 * streaming writer per source dataset, defects injected at known rates, and the ledger that
 * predicts what each source product publishes, quarantines and deduplicates.
 */
package org.datamesh.examples.demo.mesh;

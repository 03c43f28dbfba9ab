/**
 * OpenLineage run events for a product's runs: START, then COMPLETE or FAIL, with schema, quality,
 * ownership, statistics and column-lineage facets; kept in {@code <output>/_lineage/events.jsonl}
 * and sent to any OpenLineage endpoint.
 */
package org.datamesh.core.lineage;

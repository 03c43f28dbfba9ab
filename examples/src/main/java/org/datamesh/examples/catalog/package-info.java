/**
 * The catalog, lineage and SLA side of the command line: what {@code run} and {@code demo} leave
 * beside a product (facts, catalog, lineage events) and the {@code sla} command.
 */
package org.datamesh.examples.catalog;

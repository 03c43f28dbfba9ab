/**
 * The spine every product runs on: input files, the record path, deduplication by primary key and
 * publication, declared once as a {@link org.datamesh.core.pipeline.ProductSpec}.
 */
package org.datamesh.core.pipeline;

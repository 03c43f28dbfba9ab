/** Foundation of datamesh-beam: records, failures, ingestion, standardization and publication. */
package org.datamesh.core;

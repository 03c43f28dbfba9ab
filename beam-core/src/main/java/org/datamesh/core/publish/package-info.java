/** Publishing a data product: Parquet data and quarantine files, and the manifest that commits them. */
package org.datamesh.core.publish;

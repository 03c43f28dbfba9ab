/** Products built from their ODCS contract alone: the mapping from a contract to a product spec. */
package org.datamesh.pipelines.contract;

/** The supply domain's consumer-aligned products, such as the stock-out risk. */
package org.datamesh.pipelines.supply;

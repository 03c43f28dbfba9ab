/** The sales domain's consumer-aligned products, such as the demand forecast. */
package org.datamesh.pipelines.sales;

/** The crm domain's consumer-aligned products: Customer 360 and RFM customer segments. */
package org.datamesh.pipelines.crm;

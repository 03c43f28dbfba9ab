/** The sales domain's {@code orders} source product: order records from CSV exports. */
package org.datamesh.pipelines.orders;

/** What identifies a data product and one run of it. */
package org.datamesh.core.product;

/**
 * What a mesh's output holds, for people and schedulers: each product's contract facts beside its
 * manifest ({@code _product.json}), the catalog of every product ({@code catalog.json}) and its page
 * ({@code index.html}), and the check of each product's service levels.
 */
package org.datamesh.core.catalog;

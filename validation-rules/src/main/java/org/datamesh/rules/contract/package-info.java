/**
 * Products built from their ODCS contract alone: {@link
 * org.datamesh.rules.contract.ContractProducts} maps a loaded contract to the product spec that
 * {@code DataProductPipeline} and {@code BuildProduct} run.
 */
package org.datamesh.rules.contract;

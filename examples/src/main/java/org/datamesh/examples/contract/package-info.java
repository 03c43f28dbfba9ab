/** The contract commands: {@code validate-contract} and {@code run} (one product from its contract). */
package org.datamesh.examples.contract;

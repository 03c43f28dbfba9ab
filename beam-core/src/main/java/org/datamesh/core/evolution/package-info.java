/** Schema evolution: how a product's new schema differs from its published one, and whether that may ship. */
package org.datamesh.core.evolution;

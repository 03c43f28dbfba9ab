/** ODCS v3 data contracts: safe loading, JSON Schema validation and a typed, serializable model. */
package org.datamesh.core.contract;

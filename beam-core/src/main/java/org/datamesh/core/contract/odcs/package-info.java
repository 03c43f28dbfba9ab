/**
 * The ODCS v3 structure check: which keys, types and values the standard allows in each section
 * of a data contract, written as small declarative shapes ({@link
 * org.datamesh.core.contract.odcs.OdcsStructure} is the entry point).
 */
package org.datamesh.core.contract.odcs;

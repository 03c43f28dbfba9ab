/** {@code datamesh sla}: every product under an output checked against its contract's service levels. */
package org.datamesh.examples.sla;

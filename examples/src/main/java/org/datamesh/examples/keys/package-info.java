/** {@code datamesh keys}: creating, rotating and using keysets for protected columns. */
package org.datamesh.examples.keys;

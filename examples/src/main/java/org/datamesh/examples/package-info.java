/** The {@code datamesh} command line and runnable examples. */
package org.datamesh.examples;

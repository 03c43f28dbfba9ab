/** The {@code datamesh} command line: commands, option parsing, help and exit codes. */
package org.datamesh.examples.cli;

/** Parsing raw records (CSV, JSON lines) into Beam {@code Row}s, with a failure for each bad one. */
package org.datamesh.core.parse;

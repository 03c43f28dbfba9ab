/**
 * The {@code bench} and {@code bench-report} commands: the library measured against plain-Java,
 * hand-written Beam and raw Parquet baselines on the same generated input, each run in its own JVM.
 */
package org.datamesh.examples.bench;

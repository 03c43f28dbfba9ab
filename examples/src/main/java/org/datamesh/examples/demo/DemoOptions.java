package org.datamesh.examples.demo;

import org.apache.beam.sdk.options.Default;
import org.apache.beam.sdk.options.Description;
import org.datamesh.examples.catalog.OpenLineageOptions;

/** Options of {@code datamesh demo}. */
public interface DemoOptions extends OpenLineageOptions {

  @Description("Folder to publish into (required); created when missing")
  String getOutput();

  void setOutput(String output);

  @Description("Sample orders to generate")
  @Default.Integer(100_000)
  int getRows();

  void setRows(int rows);

  @Description("Random seed of the sample data; the same seed gives the same data")
  @Default.Long(42)
  long getSeed();

  void setSeed(long seed);
}

package org.datamesh.examples.demo;

import org.apache.beam.sdk.options.Default;
import org.apache.beam.sdk.options.Description;
import org.datamesh.examples.catalog.OpenLineageOptions;

/** Options of {@code datamesh demo}. */
public interface DemoOptions extends OpenLineageOptions {

  @Description("Folder to publish into (required); created when missing")
  String getOutput();

  void setOutput(String output);

  @Description(
      "Sample orders to generate; every other dataset of the mesh (customers, order lines,"
          + " interactions, shipments, server logs) scales with it")
  @Default.Integer(20_000)
  int getRecords();

  void setRecords(int records);

  @Description("Random seed of the sample data; the same seed gives the same data")
  @Default.Long(42)
  long getSeed();

  void setSeed(long seed);

  @Description("Show what the runners and libraries print (log lines, notices) while products run")
  @Default.Boolean(false)
  boolean getVerbose();

  void setVerbose(boolean verbose);
}

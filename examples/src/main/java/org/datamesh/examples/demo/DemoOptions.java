package org.datamesh.examples.demo;

import org.apache.beam.sdk.options.Default;
import org.apache.beam.sdk.options.Description;
import org.datamesh.examples.catalog.OpenLineageOptions;

/** Options of {@code datamesh demo}. */
public interface DemoOptions extends OpenLineageOptions {

  @Description("Folder to publish into (required); created when missing")
  String getOutput();

  void setOutput(String output);

  // No @Default: bench has --records too, and Beam refuses one option with two defaults.
  @Description(
      "Sample orders to generate (default 20000); every other dataset of the mesh (customers,"
          + " order lines, interactions, shipments, server logs) scales with it")
  Integer getRecords();

  void setRecords(Integer records);

  @Description("Random seed of the sample data; the same seed gives the same data")
  @Default.Long(42)
  long getSeed();

  void setSeed(long seed);

  @Description(
      "Build only these products (domain/product, comma-separated), in the mesh's order; the"
          + " products they read must be published in --output already or listed too")
  String getProducts();

  void setProducts(String products);

  @Description("Show what the runners and libraries print (log lines, notices) while products run")
  @Default.Boolean(false)
  boolean getVerbose();

  void setVerbose(boolean verbose);
}

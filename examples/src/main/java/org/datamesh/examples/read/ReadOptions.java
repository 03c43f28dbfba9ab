package org.datamesh.examples.read;

import org.apache.beam.sdk.options.Default;
import org.apache.beam.sdk.options.Description;
import org.apache.beam.sdk.options.PipelineOptions;

/** Options of {@code datamesh read}. */
public interface ReadOptions extends PipelineOptions {

  @Description("The published product's folder, <output>/<domain>/<product> (required)")
  String getProduct();

  void setProduct(String product);

  @Description(
      "The product's contract, whose roles say what each role reads (required with --role)")
  String getContract();

  void setContract(String contract);

  @Description("The role to read as: only its columns, masked and decrypted as it may, and its rows")
  String getRole();

  void setRole(String role);

  @Description("The table to read, for a product of several tables")
  String getTable();

  void setTable(String table);

  @Description("At most this many rows (default 20; 0 for all)")
  @Default.Integer(20)
  int getLimit();

  void setLimit(int limit);

  // No @Default: validate-contract's --format has another default, and Beam refuses two defaults
  // for one property name in one JVM; ReadCommand reads a missing value as csv.
  @Description("csv (the default: a header line, then one line a row) or jsonl (one JSON object a row)")
  String getFormat();

  void setFormat(String format);

  @Description(
      "The keyset, for a role that reads encrypted columns in clear (else DATAMESH_KEYSET)")
  String getKeyset();

  void setKeyset(String keyset);
}

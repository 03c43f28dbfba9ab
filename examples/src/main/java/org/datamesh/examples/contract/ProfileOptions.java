package org.datamesh.examples.contract;

import org.apache.beam.sdk.options.Default;
import org.apache.beam.sdk.options.Description;
import org.apache.beam.sdk.options.PipelineOptions;
import org.datamesh.examples.cli.Placeholder;

/** Options of {@code datamesh profile}. */
public interface ProfileOptions extends PipelineOptions {

  @Description("Input file or glob to profile (required), e.g. 'exports/customers-*.csv.gz'")
  String getInput();

  void setInput(String input);

  @Description(
      "Layout of the input: csv (with a header line), jsonl (one JSON object a line), or auto: by"
          + " the files' extension, as run reads them (.jsonl, .ndjson, .json: jsonl; any other:"
          + " csv)")
  @Default.String("auto")
  @Placeholder("auto|csv|jsonl")
  String getInputFormat();

  void setInputFormat(String inputFormat);

  @Description(
      "The ODCS contract file to write (required); an existing file is refused unless --force")
  @Placeholder("FILE")
  String getOutput();

  void setOutput(String output);

  @Description("Replace the --output file when it exists")
  @Default.Boolean(false)
  @Placeholder("true")
  boolean getForce();

  void setForce(boolean force);

  @Description("The contract's domain (default: none, so run publishes under default)")
  String getDomain();

  void setDomain(String domain);

  @Description("The contract's and product's name (default: the input file's name)")
  String getName();

  void setName(String name);

  @Description("The schema object's (table's) name (default: the product's name)")
  String getTable();

  void setTable(String table);

  @Description("The contract's version")
  @Default.String("1.0.0")
  String getContractVersion();

  void setContractVersion(String contractVersion);

  @Description("Columns with at most this many distinct values get their values as allowed values")
  @Default.Integer(10)
  int getEnumerationLimit();

  void setEnumerationLimit(int enumerationLimit);
}

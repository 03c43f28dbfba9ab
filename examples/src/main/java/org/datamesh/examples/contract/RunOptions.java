package org.datamesh.examples.contract;

import org.apache.beam.sdk.options.Default;
import org.apache.beam.sdk.options.Description;
import org.datamesh.core.contract.DataContract;
import org.datamesh.examples.catalog.OpenLineageOptions;
import org.datamesh.examples.cli.Placeholder;

/** Options of {@code datamesh run}. */
public interface RunOptions extends OpenLineageOptions {

  @Description("The product's ODCS v3 contract, a YAML file (required)")
  String getContract();

  void setContract(String contract);

  @Description(
      "Input file or glob (required), e.g. 'exports/orders-*.csv.gz'; .gz files are decompressed."
          + " For a product of several tables, once per table: --input=TABLE=GLOB")
  String getInput();

  void setInput(String input);

  @Description(
      "Folder to publish into; created when missing. Or an S3 location, s3://bucket/prefix, with"
          + " Beam's S3 options (--awsRegion, --endpoint, --awsCredentialsProvider). Without it,"
          + " the contract's local or s3 server (its path or location is the mesh's root)")
  String getOutput();

  void setOutput(String output);

  @Description(
      "Without --output: the name of the contract's server to publish to, when it declares"
          + " several local or s3 servers")
  @Placeholder("NAME")
  String getServer();

  void setServer(String server);

  @Description(
      "Seconds the contract's kafka servers have to answer before the run gives up, without"
          + " having read or published anything (only when it sends to them: without --output)")
  @Default.Integer(30)
  int getTimeoutSeconds();

  void setTimeoutSeconds(int timeoutSeconds);

  @Description(
      "Layout of the input: csv (with a header line), jsonl (one JSON object a line), log (one"
          + " record a line, read with the contract's logPattern), or auto: by the files'"
          + " extension (.jsonl, .ndjson, .json: jsonl; .log: log; any other: csv; .gz and other"
          + " compression suffixes looked past); --inputFormat=TABLE=FORMAT for one table")
  @Default.String("auto")
  @Placeholder("auto|csv|jsonl|log")
  String getInputFormat();

  void setInputFormat(String inputFormat);

  @Description(
      "The domain to publish under when the contract declares none (default: "
          + DataContract.DEFAULT_DOMAIN + ")")
  String getDomain();

  void setDomain(String domain);

  @Description(
      "The keyset file protecting the contract's classified columns (else the environment"
          + " variable DATAMESH_KEYSET); needed when the contract protects any column; create one"
          + " with: keys --keyset=PATH")
  String getKeyset();

  void setKeyset(String keyset);
}

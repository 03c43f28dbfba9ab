package org.datamesh.examples.contract;

import org.apache.beam.sdk.options.Description;
import org.apache.beam.sdk.options.PipelineOptions;
import org.datamesh.core.contract.DataContract;

/** Options of {@code datamesh validate-contract}. */
public interface ValidateContractOptions extends PipelineOptions {

  @Description("The ODCS v3 contract to check, a YAML file (required)")
  String getContract();

  void setContract(String contract);

  @Description(
      "A published product's folder (<output>/<domain>/<product>) to compare the contract with:"
          + " each schema change is classified, and a breaking one without a new major version"
          + " is exit status 2")
  String getAgainst();

  void setAgainst(String against);

  // No @Default: read's --format has another default, and Beam refuses two defaults for one
  // property name in one JVM; ValidateContractCommand reads a missing value as text.
  @Description("text (the default) or json: the same answers as one JSON document")
  String getFormat();

  void setFormat(String format);

  @Description(
      "The domain to publish under when the contract declares none (default: "
          + DataContract.DEFAULT_DOMAIN + ")")
  String getDomain();

  void setDomain(String domain);
}

package org.datamesh.examples.contract;

import org.apache.beam.sdk.options.Description;
import org.apache.beam.sdk.options.PipelineOptions;

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
}

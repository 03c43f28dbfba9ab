package org.datamesh.examples.sla;

import org.apache.beam.sdk.options.Description;
import org.apache.beam.sdk.options.PipelineOptions;

/** Options of {@code datamesh sla}. */
public interface SlaOptions extends PipelineOptions {

  @Description("The output folder whose products are checked (required), as given to run or demo")
  String getOutput();

  void setOutput(String output);

  @Description("POST one JSON message per broken promise to this URL, naming the product and owner")
  String getNotifyUrl();

  void setNotifyUrl(String notifyUrl);
}

package org.datamesh.examples.keys;

import org.apache.beam.sdk.options.Default;
import org.apache.beam.sdk.options.Description;
import org.apache.beam.sdk.options.PipelineOptions;

/** Options of {@code datamesh keys}. */
public interface KeysOptions extends PipelineOptions {

  @Description(
      "The keyset file (required, or " + KeysetOption.ENVIRONMENT + "): created readable by its"
          + " owner only when it does not exist")
  String getKeyset();

  void setKeyset(String keyset);

  @Description("Add a new primary key to each keyset; values protected before stay readable")
  @Default.Boolean(false)
  boolean getRotate();

  void setRotate(boolean rotate);

  @Description(
      "An encrypted value (enc:... or det:..., from a published column or a quarantined payload)"
          + " to print in clear text, for key holders")
  String getReveal();

  void setReveal(String reveal);
}

package org.datamesh.examples.catalog;

import org.apache.beam.sdk.options.Description;
import org.apache.beam.sdk.options.PipelineOptions;

/** The option of commands that emit OpenLineage events. */
public interface OpenLineageOptions extends PipelineOptions {

  @Description(
      "Also POST each OpenLineage event to this URL, e.g. http://localhost:5000/api/v1/lineage"
          + " (Marquez); an unreachable URL is a warning, never a failed run. Events are always"
          + " appended to <output>/_lineage/events.jsonl")
  String getOpenLineageUrl();

  void setOpenLineageUrl(String openLineageUrl);
}

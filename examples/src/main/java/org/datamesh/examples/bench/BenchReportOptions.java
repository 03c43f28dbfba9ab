package org.datamesh.examples.bench;

import org.apache.beam.sdk.options.Default;
import org.apache.beam.sdk.options.Description;
import org.apache.beam.sdk.options.PipelineOptions;

/** Options of {@code datamesh bench-report}. */
public interface BenchReportOptions extends PipelineOptions {

  @Description("The results.json a bench run wrote (required)")
  String getResults();

  void setResults(String results);

  @Description("The Markdown file to write; its \"## Profiles\" section is kept")
  @Default.String("docs/benchmarks.md")
  String getOut();

  void setOut(String out);
}

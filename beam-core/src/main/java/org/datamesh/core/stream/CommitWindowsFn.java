package org.datamesh.core.stream;

import java.io.IOException;
import org.apache.beam.sdk.coders.SerializableCoder;
import org.apache.beam.sdk.options.PipelineOptions;
import org.apache.beam.sdk.state.StateSpec;
import org.apache.beam.sdk.state.StateSpecs;
import org.apache.beam.sdk.state.ValueState;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.values.KV;
import org.datamesh.core.publish.CommitWindow;

/**
 * Gathers, per window, the files written for it and its tallies, and commits the window into the
 * manifest whenever they agree and something changed since its last commit: on time once the
 * window's first files and first tally are in, again for each late pane. Keyed by the window's
 * start; what it keeps is a few hundred bytes per window, for the life of the job.
 */
final class CommitWindowsFn extends DoFn<KV<Long, WindowParts.Part>, String> {

  private final CommitWindow commit;

  @StateId("parts")
  private final StateSpec<ValueState<WindowParts>> parts =
      StateSpecs.value(SerializableCoder.of(WindowParts.class));

  CommitWindowsFn(CommitWindow commit) {
    this.commit = commit;
  }

  @ProcessElement
  public void process(
      @Element KV<Long, WindowParts.Part> element,
      @StateId("parts") ValueState<WindowParts> state,
      PipelineOptions options,
      OutputReceiver<String> out)
      throws IOException {
    WindowParts window = state.read();
    if (window == null) {
      window = new WindowParts();
    }
    boolean changed = window.add(element.getValue());
    if (changed && window.complete() && !window.committedAsIs()) {
      out.output(commit.commit(window.toManifest(), window.files(), options));
      window.markCommitted();
    }
    state.write(window);
  }
}

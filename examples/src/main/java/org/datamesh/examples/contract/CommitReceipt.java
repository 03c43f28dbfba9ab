package org.datamesh.examples.contract;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Optional;
import org.apache.beam.sdk.io.fs.ResourceId;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.values.PCollection;
import org.datamesh.core.publish.Manifest;

/**
 * What the commit step of a {@code run} committed, handed from the pipeline to the command: the
 * commit step outputs its manifest's JSON, and a last step writes it to a local file the command
 * reads once the job is done. Reading {@code _manifest.json} again instead would report another
 * run's version, or none, whenever another run commits between this one's commit and the read.
 *
 * <pre>{@code
 * CommitReceipt receipt = CommitReceipt.create();
 * receipt.keep(pipeline.apply(product));
 * pipeline.run().waitUntilFinish();
 * Optional<Manifest> committed = receipt.read();
 * }</pre>
 *
 * <p>The file is local: embedded Flink and the Direct runner run the commit step in the command's
 * JVM, and a Flink cluster on the same machine writes it too. Workers on other machines
 * (Dataflow, a remote cluster) write it on their own disk, where the command never sees it; the
 * command then falls back to the manifest in force.
 */
public final class CommitReceipt {

  private final Path file;

  private CommitReceipt(Path file) {
    this.file = file;
  }

  /** A receipt in a new, empty temporary file, removed when the JVM exits. */
  public static CommitReceipt create() throws IOException {
    Path file = Files.createTempFile("datamesh-commit-", ".json");
    file.toFile().deleteOnExit();
    return new CommitReceipt(file);
  }

  /** A receipt in {@code file}, which the commit step writes if its folder exists where it runs. */
  static CommitReceipt at(Path file) {
    return new CommitReceipt(file);
  }

  /** Adds the step that writes {@code committed}, the commit step's output, to this receipt. */
  public void keep(PCollection<String> committed) {
    committed.apply("KeepCommitReceipt", ParDo.of(new WriteFn(file.toString())));
  }

  /**
   * The manifest run {@code runId} committed in {@code productDirectory}: the receipt's, else (a
   * commit step on another machine wrote it on that machine's disk) the manifest in force if it is
   * this run's; empty when the run committed nothing, or another run has committed over it since
   * and the receipt is elsewhere.
   */
  public Optional<Manifest> committed(ResourceId productDirectory, String runId)
      throws IOException {
    Optional<Manifest> manifest = read().filter(m -> m.runId().equals(runId));
    if (manifest.isEmpty()) {
      manifest = Manifest.readIfPresent(productDirectory).filter(m -> m.runId().equals(runId));
    }
    return manifest;
  }

  /** The manifest the run committed; empty when its commit step never ran to the end. */
  Optional<Manifest> read() throws IOException {
    byte[] json = Files.readAllBytes(file);
    return json.length == 0 ? Optional.empty() : Optional.of(Manifest.parse(json));
  }

  private static final class WriteFn extends DoFn<String, Void> {
    private final String file;

    WriteFn(String file) {
      this.file = file;
    }

    @ProcessElement
    public void process(@Element String manifestJson) throws IOException {
      Path receipt = Paths.get(file);
      if (receipt.getParent() != null && !Files.isDirectory(receipt.getParent())) {
        // A worker on another machine, after the commit: failing here would fail a published run.
        return;
      }
      Files.writeString(receipt, manifestJson, StandardCharsets.UTF_8);
    }
  }
}

package org.datamesh.core.testing;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.beam.sdk.io.FileIO;
import org.apache.beam.sdk.io.FileSystems;
import org.apache.beam.sdk.io.fs.MatchResult;
import org.apache.beam.sdk.io.fs.MetadataCoderV2;
import org.apache.beam.sdk.transforms.Create;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.display.DisplayData;
import org.apache.beam.sdk.values.PBegin;
import org.apache.beam.sdk.values.PCollection;

/**
 * A product's input files, given as lines in the test itself: a whole product is tested with
 * {@code BuildProduct} and nothing written to disk, the way {@code Create.of} feeds a single step.
 *
 * <pre>{@code
 * ProductRecords records =
 *     pipeline
 *         .apply(ProductTestInput.file("payments.csv",
 *             "payment_id,amount",
 *             "p-1,12.50",
 *             "p-2,-3"))
 *         .apply(BuildProduct.of(spec));
 * PAssert.that(records.failures()).satisfies(...);
 * }</pre>
 *
 * <p>Each file is read by the product's own parsing step, exactly as a file on disk is: a CSV
 * file's first line is its header, JSON lines and log lines have none, and records are numbered
 * from 1 in each file. Failures name a file {@code datamesh-memory://<n>/<name>}, where {@code n}
 * tells this input from others. Lines are joined with line feeds, the last one ended by one too.
 *
 * <p>The files are held in the test's JVM (a read-only Beam file system registered under the
 * scheme {@code datamesh-memory}), so they can be read by runners that run there: the Direct
 * runner and embedded Flink.
 */
public final class ProductTestInput extends PTransform<PBegin, PCollection<FileIO.ReadableFile>> {

  private static final AtomicLong INPUTS = new AtomicLong();

  private final String folder;
  private final List<String> names;

  private ProductTestInput(String folder, List<String> names) {
    this.folder = folder;
    this.names = List.copyOf(names);
  }

  /** An input of one file named {@code name}, holding {@code lines}. */
  public static ProductTestInput file(String name, String... lines) {
    return fileOfBytes(name, text(lines));
  }

  /**
   * An input of one file named {@code name}, holding exactly {@code bytes}: for tests of
   * encodings, byte order marks, line breaks other than line feeds, or a last line left open.
   */
  public static ProductTestInput fileOfBytes(String name, byte[] bytes) {
    String folder = InMemoryFiles.SCHEME + "://" + INPUTS.incrementAndGet() + "/";
    return new ProductTestInput(folder, List.of()).andFileOfBytes(name, bytes);
  }

  /** Returns an input like this one but with one more file, named {@code name}, of {@code lines}. */
  public ProductTestInput andFile(String name, String... lines) {
    return andFileOfBytes(name, text(lines));
  }

  /** Returns an input like this one but with one more file, named {@code name}, of {@code bytes}. */
  public ProductTestInput andFileOfBytes(String name, byte[] bytes) {
    if (name.isEmpty() || name.contains("/") || name.contains("*") || name.contains("?")) {
      throw new IllegalArgumentException(
          "a test file's name is one plain file name, without / or wildcards: " + name);
    }
    if (names.contains(name)) {
      throw new IllegalArgumentException("this input already has a file named " + name);
    }
    InMemoryFiles.put(folder + name, bytes);
    List<String> more = new ArrayList<>(names);
    more.add(name);
    return new ProductTestInput(folder, more);
  }

  /**
   * The glob matching every file of this input, for transforms that match files themselves:
   * {@code DataProductPipeline.of(spec).from(input.glob())}.
   */
  public String glob() {
    return folder + "*";
  }

  @Override
  public PCollection<FileIO.ReadableFile> expand(PBegin begin) {
    // Creating the files' elements encodes their names, and decoding one looks its scheme up:
    // register the file systems for this pipeline's options now, as its runner will.
    FileSystems.setDefaultPipelineOptions(begin.getPipeline().getOptions());
    List<MatchResult.Metadata> files = new ArrayList<>();
    for (String name : names) {
      files.add(InMemoryFiles.metadata(folder + name));
    }
    return begin
        .apply("Files", Create.of(files).withCoder(MetadataCoderV2.of()))
        .apply("Open", FileIO.readMatches());
  }

  @Override
  public void populateDisplayData(DisplayData.Builder builder) {
    super.populateDisplayData(builder);
    builder
        .add(DisplayData.item("folder", folder).withLabel("In-memory folder"))
        .add(DisplayData.item("files", String.join(", ", names)).withLabel("Files"));
  }

  private static byte[] text(String... lines) {
    StringBuilder text = new StringBuilder();
    for (String line : lines) {
      text.append(line).append('\n');
    }
    return text.toString().getBytes(StandardCharsets.UTF_8);
  }
}

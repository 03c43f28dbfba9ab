package org.datamesh.core.contract;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The published specifications the conformance suite checks against, in the folder given as
 * {@code -Ddatamesh.specs.dir} (Maven's conformance profile passes it on). They are never in this
 * repository.
 *
 * <pre>{@code
 * Path schema = SpecsFolder.odcs().resolve("odcs-json-schema-v3.1.0.json");
 * }</pre>
 *
 * <p>A conformance test that cannot find its specs fails: a skipped conformance test would be a
 * failure nobody sees.
 */
final class SpecsFolder {

  static final String PROPERTY = "datamesh.specs.dir";
  static final String ODCS_SCHEMA = "odcs-json-schema-v3.1.0.json";

  private SpecsFolder() {}

  /** The {@code odcs} folder: the JSON Schema and the {@code examples} folder. */
  static Path odcs() {
    String dir = System.getProperty(PROPERTY);
    if (dir == null || dir.isBlank()) {
      throw new AssertionError(
          "the conformance suite needs -D" + PROPERTY + "=/path/to/specs (a folder with odcs/)");
    }
    Path odcs = Path.of(dir).toAbsolutePath().resolve("odcs");
    for (Path needed : new Path[] {odcs.resolve(ODCS_SCHEMA), odcs.resolve("examples")}) {
      if (!Files.exists(needed)) {
        throw new AssertionError(
            "-D" + PROPERTY + " has no " + odcs.relativize(needed) + " (looked for " + needed + ")");
      }
    }
    return odcs;
  }

  /** The ODCS example contracts. */
  static Path odcsExamples() {
    return odcs().resolve("examples");
  }
}

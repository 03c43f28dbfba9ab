package org.datamesh.core.parse;

import java.io.Serializable;
import java.util.List;
import org.apache.beam.sdk.schemas.Schema;
import org.apache.beam.sdk.transforms.display.DisplayData;
import org.datamesh.core.record.RecordPath;

/**
 * What every parser is told besides its format: the product its failures name, the longest record,
 * whether rows carry their source position, and the record path each record runs through. One
 * immutable value, so each parser's {@code withX} copies it rather than repeating a constructor.
 */
record ParseSettings(
    String product, int maxRecordChars, boolean withSourcePositions, RecordPath path)
    implements Serializable {

  static final ParseSettings DEFAULT =
      new ParseSettings("unnamed", ParseCsv.DEFAULT_MAX_RECORD_CHARS, false, RecordPath.empty());

  ParseSettings withProduct(String product) {
    return new ParseSettings(product, maxRecordChars, withSourcePositions, path);
  }

  ParseSettings withMaxRecordChars(int chars) {
    if (chars < 1) {
      throw new IllegalArgumentException("maxRecordChars must be positive");
    }
    return new ParseSettings(product, chars, withSourcePositions, path);
  }

  ParseSettings carryingSourcePositions() {
    return new ParseSettings(product, maxRecordChars, true, path);
  }

  /** These settings with {@code next} run after the current path, checked against {@code schema}. */
  ParseSettings then(RecordPath next, Schema schema) {
    next.outputSchema(schema);
    return new ParseSettings(product, maxRecordChars, withSourcePositions, path.then(next));
  }

  /** Registers the product, the schema and these settings; each parser adds its own options. */
  void populateDisplayData(DisplayData.Builder builder, Schema schema) {
    builder
        .add(DisplayData.item("product", product).withLabel("Product"))
        .add(DisplayData.item("schema", schema.toString()).withLabel("Row schema"))
        .add(DisplayData.item("maxRecordChars", maxRecordChars).withLabel("Longest record"))
        .add(
            DisplayData.item("withSourcePositions", withSourcePositions)
                .withLabel("Rows carry their source position"));
    List<String> steps = path.describe();
    for (int i = 0; i < steps.size(); i++) {
      builder.add(
          DisplayData.item("step" + (i + 1), steps.get(i)).withLabel("Record step " + (i + 1)));
    }
  }
}

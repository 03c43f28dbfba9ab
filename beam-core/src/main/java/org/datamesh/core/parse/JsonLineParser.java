package org.datamesh.core.parse;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import org.apache.beam.sdk.schemas.Schema;
import org.apache.beam.sdk.schemas.Schema.Field;
import org.datamesh.core.failure.SourcePosition;
import org.datamesh.core.failure.Violation;

/**
 * Reads one JSON object (a line of a JSON-lines file, or a message) into the values of a schema's
 * fields, or into a parse failure listing every problem: see {@link ParseJsonLines} for the rules.
 */
final class JsonLineParser {

  private final Schema schema;
  private final int maxRecordChars;
  private final String product;

  JsonLineParser(Schema schema, int maxRecordChars, String product) {
    this.schema = schema;
    this.maxRecordChars = maxRecordChars;
    this.product = product;
  }

  ParseOutcome parse(BoundedLineReader.Line line, SourcePosition position) {
    List<Violation> problems = new ArrayList<>();
    JsonNode node = null;
    Violation lineProblem = LineProblems.of(line, maxRecordChars);
    if (lineProblem != null) {
      problems.add(lineProblem);
    } else {
      try {
        node = JsonLine.read(line.text());
        Violation escaped = JsonEscapes.problem(line.text());
        if (escaped != null) {
          problems.add(escaped);
        }
      } catch (JsonLine.ProblemException e) {
        problems.add(e.violation());
      }
    }
    Object[] values = new Object[schema.getFieldCount()];
    if (problems.isEmpty()) {
      for (int f = 0; f < values.length; f++) {
        Field field = schema.getField(f);
        try {
          values[f] = JsonValues.read(field, node.get(field.getName()));
        } catch (FieldValueException e) {
          problems.add(e.violation());
        }
      }
    }
    if (!problems.isEmpty()) {
      return ParseOutcome.failure(product, problems, position, Utf8Text.printable(line.text()));
    }
    return ParseOutcome.of(values, position, line.text());
  }
}

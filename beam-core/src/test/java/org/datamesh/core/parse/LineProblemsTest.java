package org.datamesh.core.parse;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import org.datamesh.core.failure.Violation;
import org.junit.jupiter.api.Test;

/** The problems a JSON line or a log line can have before its content is read, in order. */
class LineProblemsTest {

  @Test
  void eachLineGetsItsFirstProblem() throws IOException {
    List<String> found = new ArrayList<>();
    BoundedLineReader reader =
        new BoundedLineReader(
            new StringReader("{\"id\":\"A1\"}\n{\"id\":\"A\u00002\"}\n   \n" + "x".repeat(30) + "\n"),
            100);
    for (BoundedLineReader.Line line = reader.next(); line != null; line = reader.next()) {
      Violation problem = LineProblems.of(line, 20);
      found.add(problem == null ? "ok" : problem.ruleId() + ": " + problem.reason());
    }
    assertThat(
        found,
        equalTo(
            List.of(
                "ok",
                "parse.nul_character: the record contains a NUL character (U+0000): is the file"
                    + " binary or UTF-16?",
                "parse.empty_line: the record is an empty line",
                "parse.record_too_large: the record is longer than 20 characters")));
  }

  @Test
  void aCleanLineHasNone() throws IOException {
    BoundedLineReader.Line line = new BoundedLineReader(new StringReader("fine"), 100).next();
    assertThat(LineProblems.of(line, 20), nullValue());
  }
}

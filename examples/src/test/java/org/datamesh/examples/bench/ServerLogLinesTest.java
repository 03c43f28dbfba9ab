package org.datamesh.examples.bench;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The ingest-log scenario's input: as many lines as asked, the same for a seed, plain ASCII. */
class ServerLogLinesTest {

  @TempDir Path folder;

  @Test
  void writesTheLinesAskedForTheSameForASeed() throws Exception {
    Path first = folder.resolve("a.log");
    Path again = folder.resolve("b.log");
    Path other = folder.resolve("c.log");

    assertThat(ServerLogLines.write(first, 500, 42), is(500L));
    ServerLogLines.write(again, 500, 42);
    ServerLogLines.write(other, 500, 7);

    byte[] bytes = Files.readAllBytes(first);
    assertThat(Files.readAllBytes(again), equalTo(bytes));
    assertThat(Files.readAllBytes(other), not(equalTo(bytes)));
    assertThat(bytes[bytes.length - 1], is((byte) '\n'));
    List<String> lines = Files.readAllLines(first);
    assertThat(lines, hasSize(500));
    assertThat("every request id differs", new HashSet<>(lines), hasSize(500));
    for (String line : lines) {
      assertThat(
          line,
          matchesPattern(
              "2026-06-28T[0-9:.]+Z (INFO|WARN|ERROR) [a-z]+ (GET|POST) /api/\\S+ \\d{3} \\d+ms"
                  + " req=[0-9a-f]{16}"));
    }
  }
}

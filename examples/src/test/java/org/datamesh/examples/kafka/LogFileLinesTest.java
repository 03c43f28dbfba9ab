package org.datamesh.examples.kafka;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;

import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LogFileLinesTest {

  @TempDir Path dir;

  @Test
  void linesAreTheFilesBytesWithoutTheirEndingsNumberedFromOne() throws Exception {
    Path file = dir.resolve("a.log");
    Files.write(file, bytes("first\r\nsecond\n\nfourth\rstill fourth\nlast"));

    List<String> lines = new ArrayList<>();
    List<Long> numbers = new ArrayList<>();
    try (LogFileLines reader = LogFileLines.open(file)) {
      for (byte[] line = reader.next(); line != null; line = reader.next()) {
        lines.add(new String(line, StandardCharsets.UTF_8));
        numbers.add(reader.number());
      }
      assertThat(reader.bytesRead(), equalTo(Files.size(file)));
    }

    assertThat(lines, contains("first", "second", "", "fourth\rstill fourth", "last"));
    assertThat(numbers, contains(1L, 2L, 3L, 4L, 5L));
  }

  @Test
  void aFinalLineEndingMakesNoEmptyLineAndBytesAreNeverDecoded() throws Exception {
    Path file = dir.resolve("b.log.gz");
    byte[] notUtf8 = {'x', (byte) 0xC3, (byte) 0x28};
    try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(file))) {
      out.write(notUtf8);
      out.write('\n');
      out.write(bytes("ok\n"));
    }

    List<byte[]> lines = new ArrayList<>();
    try (LogFileLines reader = LogFileLines.open(file)) {
      for (byte[] line = reader.next(); line != null; line = reader.next()) {
        lines.add(line);
      }
    }

    assertThat(lines.size(), equalTo(2));
    assertThat(lines.get(0), equalTo(notUtf8));
    assertThat(lines.get(1), equalTo(bytes("ok")));
  }

  @Test
  void linesLongerThanABlockAndEndingsAcrossBlocksComeWhole() throws Exception {
    // The reader scans 64 KiB blocks: lines around and across their edges, a \r\n split by one.
    List<String> written = new ArrayList<>();
    StringBuilder text = new StringBuilder();
    written.add("x".repeat(65_535)); // its \r ends the first block, its \n starts the second
    written.add("y".repeat(200_000)); // spans several blocks
    for (int i = 0; i < 3_000; i++) {
      written.add("line " + i + " " + "z".repeat(i % 97));
    }
    for (String line : written) {
      text.append(line).append("\r\n");
    }
    Path file = dir.resolve("long.log");
    Files.write(file, bytes(text.toString()));

    List<String> lines = new ArrayList<>();
    try (LogFileLines reader = LogFileLines.open(file)) {
      for (byte[] line = reader.next(); line != null; line = reader.next()) {
        lines.add(new String(line, StandardCharsets.UTF_8));
      }
      assertThat(reader.number(), equalTo((long) written.size()));
      assertThat(reader.bytesRead(), equalTo(Files.size(file)));
    }
    assertThat(lines, equalTo(written));
  }

  private static byte[] bytes(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }
}

package org.datamesh.core.parse;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.is;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import org.apache.beam.sdk.PipelineResult;
import org.apache.beam.sdk.io.FileIO;
import org.apache.beam.sdk.schemas.Schema;
import org.apache.beam.sdk.schemas.Schema.FieldType;
import org.apache.beam.sdk.testing.PAssert;
import org.apache.beam.sdk.testing.TestPipeline;
import org.apache.beam.sdk.values.PCollection;
import org.datamesh.core.StageResult;
import org.datamesh.core.testing.TestPipelineExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * JSON lines split by byte range give exactly the lines, numbers and outcomes of one reader: on
 * random bytes (every kind of line break, multi-byte and invalid UTF-8, byte order marks), and
 * through {@link ParseJsonLines} in a pipeline.
 */
@ExtendWith(TestPipelineExtension.class)
class JsonLinesSplitTest {

  private static final byte[][] PIECES = {
    bytes("{\"id\":\"a\"}"), bytes("x"), bytes(" "), bytes("\n"), bytes("\r\n"), bytes("\r"),
    bytes("é"), bytes("\uD83D\uDE00"), bytes("\uFEFF"), {(byte) 0xFF}, {(byte) 0xE2, (byte) 0x82}
  };

  @TempDir Path dir;

  @Test
  void rangesReadExactlyTheLinesOfTheWholeFile() throws IOException {
    Random random = new Random(20261123);
    for (int round = 0; round < 1000; round++) {
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      if (random.nextInt(3) == 0) {
        out.writeBytes(bytes("\uFEFF"));
      }
      int pieces = random.nextInt(40);
      for (int p = 0; p < pieces; p++) {
        out.writeBytes(PIECES[random.nextInt(PIECES.length)]);
      }
      byte[] text = out.toByteArray();
      Path file = dir.resolve("round" + round + ".jsonl");
      Files.write(file, text);
      int keepChars = 1 << 20;
      String context = "round " + round + ", bytes " + HexFormat.of().formatHex(text);

      List<String> whole = new ArrayList<>();
      try (FileChannel channel = FileChannel.open(file)) {
        LineRecordReader.readWhole(channel, keepChars, (n, line) -> whole.add(n + " " + line));
      }
      for (long splitBytes : new long[] {1, 1 + random.nextInt(text.length + 1)}) {
        List<RecordRange> ranges;
        try (FileChannel channel = FileChannel.open(file)) {
          ranges = new LineBoundaryScanner(channel).ranges(splitBytes, false).orElseThrow();
        }
        List<String> split = new ArrayList<>();
        for (RecordRange range : ranges) {
          try (FileChannel channel = FileChannel.open(file)) {
            LineRecordReader.readRange(
                channel, file.toString(), range, keepChars, (n, line) -> split.add(n + " " + line));
          }
        }
        assertThat(context + ", split " + splitBytes, split, equalTo(whole));
        if (splitBytes == 1) {
          assertThat(context, ranges.size(), is(whole.size()));
        }
      }
    }
  }

  @Test
  void splitsGiveExactlyWhatOneReaderGives(TestPipeline pipeline) throws IOException {
    Schema schema =
        Schema.builder()
            .addStringField("id")
            .addNullableField("note", FieldType.STRING)
            .addNullableField("qty", FieldType.INT32)
            .build();
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.writeBytes(bytes("\uFEFF"));
    int records = 40;
    for (int i = 1; i <= records; i++) {
      switch (i % 5) {
        case 0 -> out.writeBytes(bytes("{\"id\":\"J" + i + "\",\"note\":\"é \uD83D\uDE00\",\"qty\":" + i + "}\r\n"));
        case 1 -> out.writeBytes(bytes("{\"id\":\"J" + i + "\",\"note\":\"line\\nescaped\"}\r"));
        case 2 -> out.writeBytes(bytes("{\"id\":\"J" + i + "\",\"qty\":\"many\"}\n"));
        case 3 -> {
          out.writeBytes(bytes("{\"id\":\"J" + i + "\",\"note\":\""));
          out.writeBytes(new byte[] {(byte) 0xFF, (byte) 0xE2, (byte) 0x82});
          out.writeBytes(bytes("\"}\n"));
        }
        default -> out.writeBytes(bytes("\n"));
      }
    }
    Path file = dir.resolve("lines.jsonl");
    Files.write(file, out.toByteArray());
    PCollection<FileIO.ReadableFile> files =
        pipeline.apply(FileIO.match().filepattern(file.toString())).apply(FileIO.readMatches());
    ParseJsonLines parse = ParseJsonLines.of(schema).forProduct("test.split").withSourcePositions();

    StageResult single = files.apply("OneReader", parse);
    StageResult split = files.apply("Split", parse.withSplitBytes(64));

    PAssert.thatSingleton(split.recordCount()).isEqualTo((long) records);
    PAssert.that(ParseCsvSplitTest.tagged(single, "one reader", split, "split"))
        .satisfies(
            all -> {
              ParseCsvSplitTest.assertSameOutcomes(all, "one reader", "split", records);
              return null;
            });
    PipelineResult run = pipeline.run();
    run.waitUntilFinish();
    assertThat("the file went through the split path", ParseCsvSplitTest.splitRanges(run), greaterThan(10L));
  }

  private static byte[] bytes(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }
}

package org.datamesh.examples.bench;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.datamesh.examples.cli.DatameshCli;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The whole suite at a tiny size, every default scenario, each run in its own JVM: asserts the
 * shape of results.json and that every variant did the same work, never a speed.
 */
class BenchIT {

  private static final String[] SCENARIO_FIELDS = {
    "name", "ratio", "value", "baseline", "unit", "runner", "options", "goal", "met", "peakRssMb"
  };

  @TempDir Path folder;

  @Test
  void everyDefaultScenarioReportsFiguresWithAgreeingCounts() throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    int status =
        DatameshCli.run(
            new String[] {
              "bench",
              "--records=2000",
              "--directRecords=50",
              "--warmupRecords=0",
              // C1 only: short child runs start faster; this test checks the suite, not figures
              "--childJvmOptions=-XX:TieredStopAtLevel=1",
              "--output=" + folder,
              "--report=" + folder.resolve("benchmarks.md")
            },
            new PrintStream(out, true, StandardCharsets.UTF_8),
            System.err);
    String printed = out.toString(StandardCharsets.UTF_8);
    assertThat(printed, status, is(0));
    assertThat(printed, containsString("| scenario | unit | library | baseline | ratio |"));

    JsonNode results = new ObjectMapper().readTree(folder.resolve("results.json").toFile());
    assertThat(results.path("records").asInt(), is(2000));
    assertThat(results.path("countsAgree").asBoolean(), is(true));
    List<String> names = new ArrayList<>();
    for (JsonNode scenario : results.path("scenarios")) {
      String name = scenario.path("name").asText();
      names.add(name);
      for (String field : SCENARIO_FIELDS) {
        assertThat(name + " has " + field, scenario.has(field), is(true));
      }
      assertThat(name, scenario.path("ratio").isNumber(), is(true));
      assertThat(name, scenario.path("value").asDouble(), greaterThan(0.0));
      assertThat(name, scenario.path("baseline").asDouble(), greaterThan(0.0));
      assertThat(name, scenario.path("runner").asText(), not(equalTo("")));
      assertThat(name, scenario.path("options").asText(), containsString("--runner="));
      assertThat(name + " counts agree", scenario.path("countsAgree").asBoolean(), is(true));
      JsonNode runs = scenario.path("runs");
      if (!name.equals("scale-10x")) { // its two runs have different inputs, N and 10N
        assertThat(
            name + ": library and baseline counted the same",
            runs.path("library").path("counts"),
            equalTo(runs.path("baseline").path("counts")));
      }
      assertThat(name, runs.path("library").path("cpuSeconds").asDouble(), greaterThan(0.0));
      assertThat(name, runs.path("library").path("peakRssMb").asLong(), greaterThan(0L));
    }
    assertThat(
        names,
        equalTo(
            List.of(
                "library-vs-plain-java",
                "library-vs-handwritten-beam",
                "library-vs-handwritten-beam-direct",
                "publish-vs-raw-parquet",
                "scale-10x",
                "protect-vs-clear",
                "checks-vs-unchecked")));
    JsonNode machine = results.path("machine");
    assertThat(machine.path("cores").asInt(), greaterThan(0));
    assertThat(machine.path("maxHeapMb").asLong(), greaterThan(0L));
    assertThat(machine.path("javaVersion").asText(), not(equalTo("")));
    assertThat(machine.path("os").asText(), not(equalTo("")));

    String report = Files.readString(folder.resolve("benchmarks.md"));
    assertThat(report, containsString("| library-vs-plain-java |"));
    assertThat(report, containsString(BenchmarksDoc.PROFILES_HEADING));
  }

  @Test
  void theLongScenariosRunOnlyWhenNamedMemoryWithItsHeapCapFsyncWithAndWithout() throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    int status =
        DatameshCli.run(
            new String[] {
              "bench", "--scenarios=memory-10m,fsync-1m", "--memoryRecords=1000",
              "--fsyncRecords=1000", "--warmupRecords=0",
              // C1 only, as above; given to both fsync runs too, as to every measured child
              "--childJvmOptions=-XX:TieredStopAtLevel=1",
              "--output=" + folder
            },
            new PrintStream(out, true, StandardCharsets.UTF_8),
            System.err);
    assertThat(out.toString(StandardCharsets.UTF_8), status, is(0));

    JsonNode results = new ObjectMapper().readTree(folder.resolve("results.json").toFile());
    JsonNode memory = results.path("scenarios").get(0);
    assertThat(results.path("scenarios").size(), is(2));
    assertThat(memory.path("name").asText(), is("memory-10m"));
    assertThat(memory.path("goal").asText(), is("completes"));
    assertThat(memory.path("met").asBoolean(), is(true));
    assertThat(memory.path("ratio").isNull(), is(true));
    assertThat(memory.path("peakHeapMb").asLong(), greaterThan(0L));
    assertThat(memory.path("peakRssMb").asLong(), greaterThan(0L));
    assertThat(
        memory.path("runs").path("library").path("jvmArgs").asText(),
        is("-XX:TieredStopAtLevel=1 -Xmx1g"));
    assertThat(memory.path("runs").path("library").path("maxHeapMb").asLong(), is(1024L));

    // fsync-1m: the same run with and without the commit's fsyncs, both counting every record.
    JsonNode fsync = results.path("scenarios").get(1);
    assertThat(fsync.path("name").asText(), is("fsync-1m"));
    assertThat(fsync.path("countsAgree").asBoolean(), is(true));
    assertThat(fsync.path("ratio").asDouble(), greaterThan(0.0));
    assertThat(
        fsync.path("runs").path("library").path("jvmArgs").asText(), is("-XX:TieredStopAtLevel=1"));
    assertThat(
        fsync.path("runs").path("baseline").path("jvmArgs").asText(),
        is("-XX:TieredStopAtLevel=1 -Ddatamesh.fsync=false"));
  }
}

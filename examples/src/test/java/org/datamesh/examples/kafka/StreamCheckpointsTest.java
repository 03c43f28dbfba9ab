package org.datamesh.examples.kafka;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.datamesh.examples.cli.UsageException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StreamCheckpointsTest {

  @TempDir Path folder;

  private void checkpoint(String job, int number) throws Exception {
    Path chk = Files.createDirectories(folder.resolve(job).resolve("chk-" + number));
    Files.writeString(chk.resolve("_metadata"), "x");
  }

  @Test
  void aStreamStartedAfreshWritesUnderANewGroupAndAResumedOneUnderItsOwn() throws Exception {
    String first = StreamCheckpoints.writerGroup(folder, "datamesh.sales.orders");
    assertThat(first, matchesPattern("datamesh\\.sales\\.orders\\.\\d{8}T\\d{6}Z-[0-9a-f]{4}"));
    assertThat(Files.readString(folder.resolve("exactly-once-writers")).strip(), equalTo(first));

    checkpoint("job1", 3);
    assertThat(
        "resumed from a checkpoint: the writers' progress is theirs",
        StreamCheckpoints.writerGroup(folder, "datamesh.sales.orders"),
        equalTo(first));
  }

  @Test
  void withoutACheckpointToResumeAnEarlierGroupIsNotReused() throws Exception {
    String first = StreamCheckpoints.writerGroup(folder, "g");
    Thread.sleep(1_100); // a different second, whatever the random part
    assertThat(StreamCheckpoints.writerGroup(folder, "g"), not(equalTo(first)));
  }

  @Test
  void theNewestCheckpointIsTheHighestNumberWhateverTheFilesTimes() throws Exception {
    checkpoint("job1", 9);
    checkpoint("job2", 10); // the job resumed from chk-9 numbers on from it
    Files.setLastModifiedTime(
        folder.resolve("job1/chk-9/_metadata"),
        java.nio.file.attribute.FileTime.fromMillis(System.currentTimeMillis() + 60_000));
    Files.createDirectories(folder.resolve("job2/chk-11")); // under way: no _metadata yet
    assertThat(StreamCheckpoints.newest(folder).orElseThrow(), equalTo(folder.resolve("job2/chk-10")));
  }

  @Test
  void aFolderAnotherStreamHoldsIsRefused() throws Exception {
    StreamCheckpoints.claim(folder);
    assertThat(Files.exists(folder.resolve("stream.lock")), equalTo(true));
    UsageException refused = assertThrows(UsageException.class, () -> StreamCheckpoints.claim(folder));
    assertThat(refused.getMessage(), containsString("another stream is running on " + folder));
  }

  @Test
  void checkpointsWithoutTheWritersGroupAreRefusedWithAClearLine() throws Exception {
    checkpoint("job1", 1);
    UsageException refused =
        assertThrows(UsageException.class, () -> StreamCheckpoints.writerGroup(folder, "g"));
    assertThat(refused.getMessage(), containsString("earlier version of datamesh"));
    assertThat(refused.getMessage(), containsString("start with a new folder"));
  }

  @Test
  void anEmbeddedStreamWithoutCheckpointsKeepsThemInAScratchFolderNotInTheJobManagersMemory()
      throws Exception {
    List<String> embedded = List.of(StreamCommand.streamingArgs(new String[] {"--inputTopic=t"}));
    assertThat(embedded, hasItem("--stateBackend=filesystem"));
    String path = StreamArgs.value(embedded, "--stateBackendStoragePath=");
    Path scratch = Path.of(URI.create(path));
    assertThat(Files.isDirectory(scratch), equalTo(true));
    assertThat(
        scratch.getParent(), equalTo(Path.of(System.getProperty("java.io.tmpdir")).toAbsolutePath()));

    // a cluster keeps them where its configuration says; a user's own backend is kept
    assertThat(
        List.of(StreamCommand.streamingArgs(new String[] {"--flinkMaster=localhost:8081"})),
        not(hasItem(startsWith("--stateBackend"))));
    List<String> own =
        List.of(StreamCommand.streamingArgs(new String[] {"--stateBackend=rocksdb"}));
    assertThat(own.stream().filter(a -> a.startsWith("--stateBackend")).toList(),
        equalTo(List.of("--stateBackend=rocksdb")));
    // with --checkpoints, the folder given
    Path given = folder.resolve("given");
    assertThat(
        List.of(StreamCommand.streamingArgs(new String[] {"--checkpoints=" + given})),
        hasItem("--stateBackendStoragePath=" + given.toUri()));
  }
}

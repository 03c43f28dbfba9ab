package org.datamesh.examples.kafka;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileTime;
import java.security.SecureRandom;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.datamesh.core.product.RunId;
import org.datamesh.examples.cli.ScratchFolder;
import org.datamesh.examples.cli.UsageException;

/**
 * A stream's checkpoint folder on embedded Flink: Flink keeps each completed checkpoint there
 * ({@code <job id>/chk-<n>/_metadata}) and retains the last one when the job stops or dies, and a
 * stream started again resumes from the newest one.
 */
final class StreamCheckpoints {

  private StreamCheckpoints() {}

  /** The folder named by {@code --checkpoints=DIR} in {@code args}, if any. */
  static Optional<Path> named(List<String> args) {
    return args.stream()
        .filter(a -> a.startsWith("--checkpoints="))
        .map(a -> Path.of(a.substring("--checkpoints=".length())).toAbsolutePath())
        .findFirst();
  }

  /**
   * The Flink options that keep checkpoints in {@code folder} and resume from the newest one
   * there, if any; the folder is created when missing. {@code configuration} (lines of Flink's
   * {@code config.yaml}, possibly none) goes into the Flink configuration folder given with them.
   */
  static List<String> flinkOptions(Path folder, String configuration) throws UsageException {
    try {
      Files.createDirectories(folder);
    } catch (IOException e) {
      throw new UsageException("--checkpoints: the folder " + folder + " cannot be created");
    }
    List<String> options = new ArrayList<>();
    options.add("--stateBackend=filesystem");
    options.add("--stateBackendStoragePath=" + folder.toUri());
    options.add("--externalizedCheckpointsEnabled=true");
    options.add("--retainExternalizedCheckpointsOnCancellation=true");
    Optional<Path> newest = newest(folder);
    String conf = configuration;
    if (newest.isPresent()) {
      // Beam hands --savepointPath to a cluster only; embedded Flink takes the checkpoint to
      // resume from in its configuration, read from --flinkConfDir.
      options.add("--savepointPath=" + newest.get().toUri());
      conf = "execution.savepoint.path: \"" + newest.get().toUri() + "\"\n" + conf;
    }
    if (!conf.isEmpty()) {
      options.add("--flinkConfDir=" + writeConfiguration(folder.resolve("flink-conf"), conf));
    }
    return options;
  }

  /**
   * The Flink options of a stream on embedded Flink without {@code --checkpoints}: its checkpoints
   * in a scratch folder of the temporary directory, removed when the JVM ends. Why not Flink's
   * default: it keeps checkpoints in the JobManager's memory, at most 5 MiB of state each, and a
   * stream's deduplication keeps every key it saw for a day; measured, 300,000 orders' keys are
   * 15 MB, every checkpoint failed, and the job restarted from the topic's start, publishing its
   * rows again.
   */
  static List<String> scratchOptions() throws UsageException {
    Path folder =
        scratchFolder("datamesh-stream-checkpoints-", "checkpoints", "; give one with --checkpoints=DIR");
    return List.of("--stateBackend=filesystem", "--stateBackendStoragePath=" + folder.toUri());
  }

  /**
   * {@code --flinkConfDir} naming a scratch folder of the temporary directory, removed when the
   * JVM ends, whose {@code config.yaml} holds {@code configuration}: for a stream without {@code
   * --checkpoints}, embedded or on a cluster (the client hands the job's settings to it).
   */
  static String scratchConfiguration(String configuration) throws UsageException {
    Path folder = scratchFolder("datamesh-stream-flink-conf-", "Flink configuration", "");
    return "--flinkConfDir=" + writeConfiguration(folder, configuration);
  }

  /** A scratch folder for the stream's {@code what}; see {@link ScratchFolder#create}. */
  private static Path scratchFolder(String prefix, String what, String advice)
      throws UsageException {
    return ScratchFolder.create(prefix, "the stream's " + what, advice);
  }

  /** Folders this JVM has claimed, with the locks that claim them (kept until the JVM ends). */
  private static final Map<Path, FileLock> CLAIMED = new HashMap<>();

  /**
   * Claims {@code folder} for this stream until the JVM ends, through a lock on its {@code
   * stream.lock} that the operating system releases when the process dies, however it dies. Two
   * streams on one folder would resume the same checkpoints and write under the same writers'
   * group: the second is refused.
   */
  static synchronized void claim(Path folder) throws UsageException {
    Path lockFile = folder.resolve("stream.lock");
    String refused =
        "--checkpoints: another stream is running on " + folder + " (it holds " + lockFile
            + "); stop it first, or give another folder";
    if (CLAIMED.containsKey(folder)) {
      throw new UsageException(refused);
    }
    try {
      FileChannel channel =
          FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
      FileLock lock = channel.tryLock();
      if (lock == null) {
        channel.close();
        throw new UsageException(refused);
      }
      CLAIMED.put(folder, lock);
    } catch (IOException e) {
      throw new UsageException("--checkpoints: cannot lock " + lockFile + ": " + e.getMessage());
    }
  }

  /**
   * The group the stream's exactly-once writers keep their progress under, {@code
   * <consumerGroup>.<started>}: a new one when there is no checkpoint to resume from (kept in the
   * folder's {@code exactly-once-writers}), the one kept there when there is. A writer trusts the
   * progress its group holds in Kafka, so a stream started afresh must not find an earlier run's.
   */
  static String writerGroup(Path folder, String consumerGroup) throws UsageException {
    Path kept = folder.resolve("exactly-once-writers");
    try {
      if (newest(folder).isPresent()) {
        if (!Files.isRegularFile(kept)) {
          throw new UsageException(
              "--checkpoints: " + folder + " holds checkpoints of an earlier version of datamesh,"
                  + " which this one cannot resume; start with a new folder");
        }
        return Files.readString(kept).strip();
      }
      String group =
          consumerGroup + "." + STARTED.format(Instant.now())
              + String.format("-%04x", new SecureRandom().nextInt(0x10000));
      Path written = Files.writeString(folder.resolve("exactly-once-writers.tmp"), group + "\n");
      Files.move(written, kept, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
      return group;
    } catch (IOException e) {
      throw new UsageException("--checkpoints: cannot read or write " + kept);
    }
  }

  /**
   * The run id the stream's Parquet files are committed under: a new one when there is no
   * checkpoint to resume from (kept in the folder's {@code run-id}), the one kept there when there
   * is, so a resumed stream goes on adding windows to its own version of the product.
   */
  static String runId(Path folder) throws UsageException {
    Path kept = folder.resolve("run-id");
    try {
      if (newest(folder).isPresent() && Files.isRegularFile(kept)) {
        return Files.readString(kept).strip();
      }
      String runId = RunId.generate();
      Path written = Files.writeString(folder.resolve("run-id.tmp"), runId + "\n");
      Files.move(written, kept, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
      return runId;
    } catch (IOException e) {
      throw new UsageException("--checkpoints: cannot read or write " + kept);
    }
  }

  private static final DateTimeFormatter STARTED =
      DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);

  /** {@code conf} as a Flink configuration folder holding {@code configuration}. */
  private static Path writeConfiguration(Path conf, String configuration) throws UsageException {
    try {
      Files.createDirectories(conf);
      Files.writeString(conf.resolve("config.yaml"), configuration);
    } catch (IOException e) {
      throw new UsageException("cannot write the stream's Flink configuration to " + conf);
    }
    return conf;
  }

  /**
   * The newest complete checkpoint in {@code folder}: the {@code chk-<n>} with a {@code _metadata}
   * and the highest {@code n} (a job resumed from a checkpoint numbers on from it), the newer
   * {@code _metadata} between equal numbers.
   */
  static Optional<Path> newest(Path folder) {
    try (Stream<Path> files = Files.walk(folder, 3)) {
      return files
          .filter(f -> f.getFileName().toString().equals("_metadata"))
          .filter(f -> f.getParent().getFileName().toString().matches("chk-[0-9]+"))
          .max(
              Comparator.comparingLong(StreamCheckpoints::number)
                  .thenComparing(StreamCheckpoints::modified))
          .map(Path::getParent);
    } catch (IOException e) {
      throw new UncheckedIOException("reading the checkpoint folder " + folder, e);
    }
  }

  private static long number(Path metadata) {
    return Long.parseLong(metadata.getParent().getFileName().toString().substring("chk-".length()));
  }

  private static FileTime modified(Path file) {
    try {
      return Files.getLastModifiedTime(file);
    } catch (IOException e) {
      return FileTime.fromMillis(0);
    }
  }
}

package org.datamesh.examples.contract;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Paths;
import java.util.List;
import java.util.Locale;
import org.apache.beam.sdk.io.FileSystems;
import org.apache.beam.sdk.io.fs.EmptyMatchTreatment;
import org.apache.beam.sdk.io.fs.MatchResult;
import org.apache.beam.sdk.options.PipelineOptions;
import org.datamesh.core.pipeline.RecordFormat;
import org.datamesh.examples.cli.UsageException;

/**
 * The {@code --input} of {@code run}: checked before the pipeline is built, so a typo in a path is
 * one line and exit 2 rather than an empty product or a runner's stack trace.
 */
final class InputFiles {

  private InputFiles() {}

  /**
   * Checks that {@code input} matches at least one file, through Beam's file systems (so a glob
   * or any registered scheme is matched the way the pipeline will match it); returns it.
   */
  static String check(String input, PipelineOptions options) throws UsageException {
    return check(input, options, "--input");
  }

  /** {@link #check(String, PipelineOptions)}, naming the option {@code option} in messages. */
  static String check(String input, PipelineOptions options, String option) throws UsageException {
    if (input == null || input.isBlank()) {
      throw new UsageException(option + " is required: a file or glob such as exports/orders-*.csv.gz");
    }
    if (isLocalFolder(input)) {
      // A folder matches itself and then fails to read as a file; say what to give instead.
      throw new UsageException(
          option + " names a folder; give its files, e.g. --input=" + input.replaceAll("/+$", "") + "/*.csv");
    }
    FileSystems.setDefaultPipelineOptions(options);
    MatchResult result;
    try {
      result = FileSystems.match(List.of(input), EmptyMatchTreatment.ALLOW).get(0);
    } catch (IOException | IllegalArgumentException e) {
      throw new UsageException("cannot list " + option + " " + input + " (" + e.getMessage() + ")");
    }
    boolean none;
    try {
      none = result.status() != MatchResult.Status.OK || result.metadata().isEmpty();
    } catch (IOException e) {
      none = true;
    }
    if (none) {
      throw new UsageException(option + " matches no file: " + input);
    }
    return input;
  }

  /** The total size of the files {@code input} matches, in bytes; 0 when they cannot be listed. */
  static long totalBytes(String input) {
    try {
      return FileSystems.match(List.of(input), EmptyMatchTreatment.ALLOW).get(0).metadata().stream()
          .mapToLong(MatchResult.Metadata::sizeBytes)
          .sum();
    } catch (IOException | IllegalArgumentException e) {
      return 0;
    }
  }

  /**
   * The record layout files matching {@code pattern} are read in when {@code --inputFormat} does
   * not say: by the extension before any compression suffix, {@code .jsonl}, {@code .ndjson} or
   * {@code .json} JSON lines, {@code .log} log lines, anything else CSV.
   *
   * <pre>{@code
   * formatOf("exports/orders-*.jsonl.gz");  // JSON_LINES
   * formatOf("logs/access.log");            // LOG_LINES
   * formatOf("exports/*");                  // CSV
   * }</pre>
   */
  static RecordFormat.Kind formatOf(String pattern) {
    String name = pattern.substring(pattern.lastIndexOf('/') + 1).toLowerCase(Locale.ROOT);
    name = name.replaceFirst("\\.(gz|gzip|bz2|zst|deflate|zip|snappy|lz4)$", "");
    if (name.endsWith(".jsonl") || name.endsWith(".ndjson") || name.endsWith(".json")) {
      return RecordFormat.Kind.JSON_LINES;
    }
    if (name.endsWith(".log")) {
      return RecordFormat.Kind.LOG_LINES;
    }
    return RecordFormat.Kind.CSV;
  }

  /** The record layout named by {@code --inputFormat}. */
  static RecordFormat.Kind format(String name) throws UsageException {
    switch (name == null ? "" : name.toLowerCase(Locale.ROOT)) {
      case "csv":
        return RecordFormat.Kind.CSV;
      case "jsonl":
        return RecordFormat.Kind.JSON_LINES;
      case "log":
        return RecordFormat.Kind.LOG_LINES;
      default:
        throw new UsageException("--inputFormat must be csv, jsonl or log");
    }
  }

  private static boolean isLocalFolder(String input) {
    if (input.matches("^[A-Za-z][A-Za-z0-9+.-]*://.*")) {
      return false;
    }
    try {
      return Files.isDirectory(Paths.get(input));
    } catch (InvalidPathException e) {
      return false;
    }
  }
}

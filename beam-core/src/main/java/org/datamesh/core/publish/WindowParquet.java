package org.datamesh.core.publish;

import java.io.IOException;
import java.io.Serializable;
import java.nio.channels.FileChannel;
import java.nio.channels.WritableByteChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.SortedMap;
import java.util.TreeMap;
import org.apache.beam.sdk.io.FileSystems;
import org.apache.beam.sdk.io.fs.ResolveOptions.StandardResolveOptions;
import org.apache.beam.sdk.io.fs.ResourceId;
import org.apache.beam.sdk.schemas.Schema;
import org.apache.beam.sdk.util.MimeTypes;
import org.apache.beam.sdk.values.Row;

/**
 * Writes one pane of one shard of a window as a Parquet file, replacing any file of that name in
 * one step: on a local disk through a hidden temporary file renamed over it (after its content
 * is forced to disk), on an object store in place, since a new object is seen only once whole.
 */
final class WindowParquet implements Serializable {

  private static final long serialVersionUID = 1L;

  private final String directory;
  private final RowParquetSink sink;
  private final boolean quarantine;

  WindowParquet(String directory, Schema written, String recordName, boolean quarantine) {
    this.directory = directory;
    this.sink = RowParquetSink.of(written, recordName);
    this.quarantine = quarantine;
  }

  /** Writes {@code rows}, which fell in the window from {@code start} to {@code end}. */
  WindowFile write(long start, long end, int pane, int shard, Iterable<Row> rows)
      throws IOException {
    ResourceId file =
        FileSystems.matchNewResource(directory, true)
            .resolve(ManifestWindow.folder(start), StandardResolveOptions.RESOLVE_DIRECTORY)
            .resolve(
                String.format("part-%05d-pane-%d.parquet", shard, pane),
                StandardResolveOptions.RESOLVE_FILE);
    SortedMap<String, Long> byStage = new TreeMap<>();
    SortedMap<String, Long> byRule = new TreeMap<>();
    long count;
    if ("file".equals(file.getScheme())) {
      Path target = Paths.get(file.toString());
      Files.createDirectories(target.getParent());
      Path temporary = target.resolveSibling(AtomicFiles.temporaryName(target));
      try {
        try (FileChannel channel =
            FileChannel.open(temporary, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
          count = writeAll(channel, rows, byStage, byRule);
          Durability.sync(channel, temporary);
        }
        Files.move(
            temporary, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        Durability.sync(target.getParent());
      } finally {
        Files.deleteIfExists(temporary);
      }
    } else {
      try (WritableByteChannel channel = FileSystems.create(file, MimeTypes.BINARY)) {
        count = writeAll(channel, rows, byStage, byRule);
      }
    }
    return new WindowFile(start, end, pane, shard, quarantine, file.toString(), count, byStage, byRule);
  }

  private long writeAll(
      WritableByteChannel channel,
      Iterable<Row> rows,
      SortedMap<String, Long> byStage,
      SortedMap<String, Long> byRule)
      throws IOException {
    long count = 0;
    sink.open(channel);
    for (Row row : rows) {
      sink.write(row);
      count++;
      if (quarantine) {
        byStage.merge(row.getString("stage"), 1L, Long::sum);
        for (Row violation : row.<Row>getArray("violations")) {
          byRule.merge(violation.getString("rule_id"), 1L, Long::sum);
        }
      }
    }
    sink.flush();
    return count;
  }
}

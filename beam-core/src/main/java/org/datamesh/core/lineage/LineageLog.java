package org.datamesh.core.lineage;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import org.apache.beam.sdk.io.fs.ResolveOptions.StandardResolveOptions;
import org.apache.beam.sdk.io.fs.ResourceId;
import org.datamesh.core.catalog.OutputFiles;
import org.datamesh.core.catalog.PublishedProduct;

/**
 * {@code <output>/_lineage/events.jsonl}: every lineage event of every run into an output, one JSON
 * object a line, oldest first. On a local disk a line is appended under a file lock, so concurrent
 * runs never interleave; object stores cannot append, so there the file is read and written again
 * whole, and two runs writing at the same instant can lose one line (the events were also sent to
 * the OpenLineage endpoint, when one is given).
 *
 * <pre>{@code
 * LineageLog.in("/data/mesh").append(lineage.start(Instant.now()));
 * }</pre>
 */
public final class LineageLog {

  /** The folder of lineage files inside an output. */
  public static final String FOLDER = "_lineage";

  /** The events file inside {@link #FOLDER}. */
  public static final String FILE_NAME = "events.jsonl";

  private static final ObjectMapper JSON = new ObjectMapper();

  private final ResourceId file;

  private LineageLog(ResourceId file) {
    this.file = file;
  }

  /** The events file of {@code output}. */
  public static LineageLog in(String output) {
    return new LineageLog(
        PublishedProduct.outputDirectory(output)
            .resolve(FOLDER, StandardResolveOptions.RESOLVE_DIRECTORY)
            .resolve(FILE_NAME, StandardResolveOptions.RESOLVE_FILE));
  }

  /** Adds {@code event} as the file's last line. */
  public void append(JsonNode event) throws IOException {
    byte[] line = (JSON.writeValueAsString(event) + "\n").getBytes(StandardCharsets.UTF_8);
    if ("file".equals(file.getScheme())) {
      Path path = Path.of(file.toString());
      Files.createDirectories(path.getParent());
      try (FileChannel channel =
              FileChannel.open(
                  path, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                  StandardOpenOption.APPEND);
          FileLock lock = channel.lock()) {
        ByteBuffer buffer = ByteBuffer.wrap(line);
        while (buffer.hasRemaining()) {
          channel.write(buffer);
        }
      }
      return;
    }
    byte[] old = OutputFiles.readIfPresent(file).orElse(new byte[0]);
    byte[] all = new byte[old.length + line.length];
    System.arraycopy(old, 0, all, 0, old.length);
    System.arraycopy(line, 0, all, old.length, line.length);
    OutputFiles.write(file, all);
  }

  /** The events in the file, oldest first; none when there is no file. */
  public List<JsonNode> read() throws IOException {
    List<JsonNode> events = new ArrayList<>();
    byte[] bytes = OutputFiles.readIfPresent(file).orElse(new byte[0]);
    for (String line : new String(bytes, StandardCharsets.UTF_8).split("\n")) {
      if (!line.isBlank()) {
        events.add(JSON.readTree(line));
      }
    }
    return events;
  }
}

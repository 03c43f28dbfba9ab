package org.datamesh.examples.keys;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.datamesh.core.support.DuckDb;

/**
 * Looks for clear personal values in everything a run leaves behind: every file under a folder
 * (Parquet decoded by DuckDB, value by value, as well as read as bytes; every other file as text)
 * and any text printed. Each hit says where it was found, never which value it was.
 */
final class ClearTextScan {

  private final List<String> values;
  private final List<String> hits = new ArrayList<>();
  private int parquetFiles;
  private int otherFiles;

  ClearTextScan(List<String> values) {
    this.values = List.copyOf(values);
  }

  ClearTextScan folder(Path root) throws IOException, SQLException {
    List<Path> files;
    try (Stream<Path> walk = Files.walk(root)) {
      files = walk.filter(Files::isRegularFile).toList();
    }
    for (Path file : files) {
      String bytesAsText = new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1);
      text(root.relativize(file) + " (bytes)", bytesAsText);
      if (file.getFileName().toString().endsWith(".parquet")) {
        parquetFiles++;
        for (Map<String, Object> row :
            DuckDb.query("SELECT * FROM read_parquet('" + file.toString().replace("'", "''") + "')")) {
          text(root.relativize(file) + " (decoded)", row.values().toString());
        }
      } else {
        otherFiles++;
        text(root.relativize(file).toString(), Files.readString(file, StandardCharsets.UTF_8));
      }
    }
    return this;
  }

  ClearTextScan text(String where, String text) {
    for (int i = 0; i < values.size(); i++) {
      if (text.contains(values.get(i))) {
        hits.add(where + ": personal value #" + i);
      }
    }
    return this;
  }

  List<String> hits() {
    return hits;
  }

  int parquetFiles() {
    return parquetFiles;
  }

  int otherFiles() {
    return otherFiles;
  }
}

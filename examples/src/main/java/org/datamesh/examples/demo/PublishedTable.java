package org.datamesh.examples.demo;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.avro.Schema;
import org.datamesh.core.publish.ChannelInputFile;
import org.datamesh.core.publish.Manifest;
import org.datamesh.core.publish.ParquetRecords;
import org.datamesh.core.publish.ParquetSettings;

/**
 * The rows of one small table of a product published in a local folder, read on the spot from
 * the files its manifest in force lists: for the demo's summary (a product's accuracy figures),
 * not for data of any size (consumers read with {@code ReadDataProduct}).
 */
final class PublishedTable {

  private PublishedTable() {}

  /** Every row of {@code table}, each as column name to value (Avro's Java values). */
  static List<Map<String, Object>> rows(Path productDirectory, String table) throws IOException {
    Manifest manifest = Manifest.read(productDirectory);
    List<Map<String, Object>> rows = new ArrayList<>();
    for (Manifest.Table t : manifest.tables()) {
      if (!t.name().equals(table)) {
        continue;
      }
      for (String file : t.files()) {
        read(productDirectory.resolve(file), rows);
      }
    }
    return rows;
  }

  private static void read(Path file, List<Map<String, Object>> rows) throws IOException {
    ParquetRecords.forEach(
        ChannelInputFile.local(file),
        ParquetSettings.of(Map.of()),
        record -> {
          Map<String, Object> row = new LinkedHashMap<>();
          for (Schema.Field field : record.getSchema().getFields()) {
            Object value = record.get(field.name());
            row.put(field.name(), value instanceof CharSequence text ? text.toString() : value);
          }
          rows.add(row);
        });
  }
}

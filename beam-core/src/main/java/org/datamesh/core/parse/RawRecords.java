package org.datamesh.core.parse;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.Reader;
import java.io.Serializable;
import java.nio.channels.Channels;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.apache.beam.sdk.io.FileIO;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * The records of a CSV or JSON-lines file as raw values by column name, before any schema: what
 * a profiler needs to infer one. The file is opened, decompressed and tokenized exactly as the
 * parsers do ({@link FileContents}, {@link CsvTokenizer}, the JSON-lines reader), so what it sees
 * is what a product built from an inferred contract will read.
 *
 * <pre>{@code
 * RawRecords.read(file, RawRecords.Layout.CSV, new RawRecords.Sink() {
 *   public void record(List<String> names, List<RawRecords.Value> values) { ... }
 *   public void unreadable() { ... }
 * });
 * }</pre>
 *
 * <p>CSV: the header line names the columns (trimmed, as the parser matches them); an unquoted
 * empty field is missing (null), a quoted one the empty text. JSON lines: each object's members in
 * their order, JSON null being missing; a number keeps the text the parser reads, nested objects
 * and arrays their compact JSON text. A record the parsers would fail at PARSE (broken quoting,
 * invalid UTF-8, a NUL, a wrong number of columns, an empty line, a line that is not a JSON
 * object) is reported as unreadable, never as values.
 */
public final class RawRecords {

  /** How the file lays out its records. */
  public enum Layout {
    CSV,
    JSON_LINES
  }

  /** What kind of value a field holds: CSV fields are always text. */
  public enum Kind {
    TEXT,
    NUMBER,
    BOOLEAN,
    OBJECT,
    ARRAY
  }

  /** A present value: its kind and its text (a JSON number's digits, an object's JSON). */
  public record Value(Kind kind, String text) implements Serializable {}

  /** Receives each record of a file. */
  public interface Sink {
    /** A readable record; {@code values.get(i)} is null where {@code names.get(i)} is missing. */
    void record(List<String> names, List<@Nullable Value> values);

    /** A record the parsers would fail at PARSE. */
    void unreadable();
  }

  private static final char NUL = 0;

  private RawRecords() {}

  /** Reads every record of {@code file} (each part of an archive on its own) into {@code sink}. */
  public static void read(FileIO.ReadableFile file, Layout layout, Sink sink) throws IOException {
    try (FileContents contents = FileContents.open(file)) {
      for (FileContents.Part part = contents.next(); part != null; part = contents.next()) {
        try (Reader reader = Utf8Text.reader(Channels.newInputStream(part.bytes()))) {
          if (layout == Layout.CSV) {
            readCsv(reader, sink);
          } else {
            readJsonLines(reader, sink);
          }
        }
      }
    }
  }

  private static void readCsv(Reader reader, Sink sink) throws IOException {
    CsvTokenizer tokenizer = new CsvTokenizer(reader, ',', ParseCsv.DEFAULT_MAX_RECORD_CHARS);
    CsvRecord header = tokenizer.next();
    if (header == null) {
      return;
    }
    List<String> names = new ArrayList<>();
    header.fields().forEach(name -> names.add(name.trim()));
    // A header naming a column twice fails every record of the file in the parser.
    boolean usableHeader = header.isUsable() && new HashSet<>(names).size() == names.size();
    for (CsvRecord record = tokenizer.next(); record != null; record = tokenizer.next()) {
      if (!usableHeader || !record.isUsable() || record.isBlank()
          || record.fields().size() != names.size()) {
        sink.unreadable();
        continue;
      }
      List<@Nullable Value> values = new ArrayList<>(names.size());
      for (int i = 0; i < names.size(); i++) {
        String text = record.fields().get(i);
        values.add(text.isEmpty() && !record.quoted()[i] ? null : new Value(Kind.TEXT, text));
      }
      sink.record(names, values);
    }
  }

  private static void readJsonLines(Reader reader, Sink sink) throws IOException {
    BoundedLineReader lines = new BoundedLineReader(reader, ParseCsv.DEFAULT_MAX_RECORD_CHARS);
    for (BoundedLineReader.Line line = lines.next(); line != null; line = lines.next()) {
      if (line.invalidUtf8()
          || line.length() > line.text().length()
          || line.text().isBlank()
          || line.text().indexOf(NUL) >= 0) {
        sink.unreadable();
        continue;
      }
      JsonNode object;
      try {
        object = JsonLine.read(line.text());
      } catch (JsonLine.ProblemException e) {
        sink.unreadable();
        continue;
      }
      List<String> names = new ArrayList<>(object.size());
      List<@Nullable Value> values = new ArrayList<>(object.size());
      boolean nul = false;
      for (Iterator<Map.Entry<String, JsonNode>> it = object.fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> member = it.next();
        Value value = value(member.getValue());
        // An escaped NUL fails its record in the parser as a raw one does.
        nul |= value != null && value.text().indexOf(NUL) >= 0;
        names.add(member.getKey());
        values.add(value);
      }
      if (nul) {
        sink.unreadable();
      } else {
        sink.record(names, values);
      }
    }
  }

  private static @Nullable Value value(JsonNode node) {
    if (node.isNull()) {
      return null;
    }
    if (node.isTextual()) {
      return new Value(Kind.TEXT, node.textValue());
    }
    if (node.isNumber()) {
      return new Value(Kind.NUMBER, node.asText());
    }
    if (node.isBoolean()) {
      return new Value(Kind.BOOLEAN, node.asText());
    }
    return new Value(node.isObject() ? Kind.OBJECT : Kind.ARRAY, node.toString());
  }
}

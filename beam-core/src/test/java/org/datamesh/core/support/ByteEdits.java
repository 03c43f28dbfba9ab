package org.datamesh.core.support;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;

/**
 * Random edits of a file's bytes, for fuzzing what reads it: a list of {@link Edit}s applied in
 * order to a valid file.
 *
 * <pre>{@code
 * @Property
 * void survives(@ForAll("edits") List<ByteEdits.Edit> edits) {
 *   byte[] broken = ByteEdits.apply(valid, edits);
 *   ...
 * }
 *
 * @Provide
 * Arbitrary<List<ByteEdits.Edit>> edits() {
 *   return ByteEdits.edits(ByteEdits.CSV_TOKENS, 4);
 * }
 * }</pre>
 *
 * <p>Edits are jqwik values, so a failing case shrinks to fewer and shorter edits, and the report
 * prints each edit readably ({@link Edit#toString}).
 */
public final class ByteEdits {

  /** Bytes that break a text file in interesting ways wherever they land. */
  private static final List<byte[]> ANY_TEXT =
      List.of(
          bytes("\n"), bytes("\r"), bytes("\r\n"), bytes("\0"),
          new byte[] {(byte) 0xFF}, // never valid in UTF-8
          new byte[] {(byte) 0xC3}, // a two-byte sequence cut short
          new byte[] {(byte) 0xED, (byte) 0xA0, (byte) 0x80}, // an encoded surrogate
          new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}, // a byte order mark
          bytes("é€😀"));

  /** What breaks CSV: quotes, delimiters and line breaks, and the above. */
  public static final List<byte[]> CSV_TOKENS =
      concat(ANY_TEXT, bytes("\""), bytes(","), bytes("\"\""), bytes(",\""), bytes("\","), bytes(";"));

  /** What breaks JSON lines: structure, quotes, escapes, and the above. */
  public static final List<byte[]> JSON_TOKENS =
      concat(ANY_TEXT, bytes("\""), bytes("{"), bytes("}"), bytes("["), bytes(","), bytes(":"),
          bytes("\\"), bytes("\\u"), bytes("null"), bytes("{\"a\":{\"b\":[1,"));

  /** What breaks YAML: indicators, anchors, aliases, tags, flow collections, tabs, and the above. */
  public static final List<byte[]> YAML_TOKENS =
      concat(ANY_TEXT, bytes(":"), bytes(": "), bytes("- "), bytes("&a "), bytes("*a"), bytes("!!str "),
          bytes("!!binary "), bytes("!local "), bytes("{"), bytes("["), bytes("}"), bytes("]"),
          bytes("\t"), bytes("\""), bytes("'"), bytes("#"), bytes("|"), bytes(">"), bytes("? "),
          bytes("\n---\n"), bytes("%YAML 1.2\n"), bytes("@"), bytes("`"), bytes(".nan"),
          bytes(".inf"), bytes("-.inf"), bytes("~"), bytes("0x1F"), bytes("1e999"),
          bytes("<<: *a\n"), bytes("\n  "), bytes("    "));

  /** What an edit does at its position. */
  public enum Kind {
    /** Removes {@code length} bytes. */
    DELETE,
    /** Inserts {@code bytes}. */
    INSERT,
    /** Inserts {@code bytes} in place of {@code length} bytes. */
    REPLACE,
    /** Repeats the next {@code length} bytes. */
    DUPLICATE,
    /** Cuts the file there. */
    TRUNCATE,
    /** Repeats the line holding the position. */
    DUPLICATE_LINE,
    /** Removes the line holding the position, with its line break. */
    DELETE_LINE,
    /** Swaps the line holding the position with the next one. */
    SWAP_LINES,
    /** Adds {@code length} spaces at the start of the line holding the position. */
    INDENT_LINE,
    /** Removes up to {@code length} spaces or tabs at the start of the line holding the position. */
    DEDENT_LINE
  }

  /**
   * One edit.
   *
   * @param at where, as a fraction of the file's length when the edit is applied
   */
  public record Edit(Kind kind, double at, int length, byte[] bytes) {
    @Override
    public String toString() {
      return kind + "@" + String.format("%.3f", at) + "(" + length + ", "
          + HexFormat.ofDelimiter(" ").formatHex(bytes) + ")";
    }
  }

  private ByteEdits() {}

  /** Lists of 1 to {@code maxEdits} edits inserting from {@code tokens} or random bytes. */
  public static Arbitrary<List<Edit>> edits(List<byte[]> tokens, int maxEdits) {
    Arbitrary<byte[]> inserted =
        Arbitraries.frequencyOf(
            net.jqwik.api.Tuple.of(4, Arbitraries.of(tokens)),
            net.jqwik.api.Tuple.of(1, Arbitraries.bytes().array(byte[].class).ofMinSize(1).ofMaxSize(4)));
    Arbitrary<Edit> edit =
        Combinators.combine(
                Arbitraries.of(Kind.class),
                Arbitraries.doubles().between(0, 1),
                Arbitraries.integers().between(1, 8),
                inserted)
            .as(Edit::new);
    return edit.list().ofMinSize(1).ofMaxSize(maxEdits);
  }

  /** {@code input} with {@code edits} applied in order. */
  public static byte[] apply(byte[] input, List<Edit> edits) {
    byte[] result = input;
    for (Edit edit : edits) {
      result = apply(result, edit);
    }
    return result;
  }

  private static byte[] apply(byte[] in, Edit edit) {
    int at = (int) Math.min(in.length, Math.floor(edit.at() * (in.length + 1)));
    int end = Math.min(in.length, at + edit.length());
    int lineStart = lineStart(in, at);
    int lineEnd = lineEnd(in, at);
    switch (edit.kind()) {
      case DELETE:
        return splice(in, at, end);
      case INSERT:
        return splice(in, at, at, edit.bytes());
      case REPLACE:
        return splice(in, at, end, edit.bytes());
      case DUPLICATE:
        return splice(in, at, at, slice(in, at, end));
      case TRUNCATE:
        return slice(in, 0, at);
      case DUPLICATE_LINE:
        return splice(in, lineStart, lineStart, slice(in, lineStart, lineEnd));
      case DELETE_LINE:
        return splice(in, lineStart, lineEnd);
      case SWAP_LINES:
        int nextEnd = lineEnd(in, lineEnd);
        return splice(in, lineStart, nextEnd, slice(in, lineEnd, nextEnd), slice(in, lineStart, lineEnd));
      case INDENT_LINE:
        return splice(in, lineStart, lineStart, " ".repeat(edit.length()).getBytes(StandardCharsets.US_ASCII));
      case DEDENT_LINE:
        int blank = lineStart;
        while (blank < in.length && blank - lineStart < edit.length() && (in[blank] == ' ' || in[blank] == '\t')) {
          blank++;
        }
        return splice(in, lineStart, blank);
      default:
        throw new IllegalStateException("unknown edit " + edit.kind());
    }
  }

  /** The index just after the line break before {@code at}, or 0. */
  private static int lineStart(byte[] in, int at) {
    int i = Math.min(at, in.length);
    while (i > 0 && in[i - 1] != '\n' && in[i - 1] != '\r') {
      i--;
    }
    return i;
  }

  /** The index just after the line break ending the line holding {@code at}, or the end. */
  private static int lineEnd(byte[] in, int at) {
    int i = at;
    while (i < in.length && in[i] != '\n' && in[i] != '\r') {
      i++;
    }
    if (i < in.length && in[i] == '\r') {
      i++;
    }
    if (i < in.length && in[i] == '\n') {
      i++;
    }
    return i;
  }

  private static byte[] slice(byte[] in, int from, int to) {
    return java.util.Arrays.copyOfRange(in, from, Math.max(from, to));
  }

  private static byte[] splice(byte[] in, int from, int to, byte[]... inserted) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(in.length + 16);
    out.write(in, 0, from);
    for (byte[] bytes : inserted) {
      out.write(bytes, 0, bytes.length);
    }
    out.write(in, to, in.length - to);
    return out.toByteArray();
  }

  private static byte[] bytes(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }

  private static List<byte[]> concat(List<byte[]> first, byte[]... more) {
    List<byte[]> all = new ArrayList<>(first);
    all.addAll(List.of(more));
    return List.copyOf(all);
  }
}

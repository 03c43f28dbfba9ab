package org.datamesh.core.parse;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.core.io.JsonEOFException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.JsonNodeType;
import java.io.IOException;
import java.util.Locale;
import org.checkerframework.checker.nullness.qual.Nullable;
import org.datamesh.core.failure.Violation;

/**
 * Reads one line of a JSON-lines file as one JSON object, or says precisely why it is not one.
 *
 * <pre>{@code
 * JsonNode object = JsonLine.read("{\"id\":\"A1\",\"qty\":2}");
 * }</pre>
 *
 * <p>Stricter than Jackson's defaults, each time because the default publishes something the line
 * did not say: a member given twice is refused (Jackson keeps the last, silently), text after the
 * object is refused (Jackson stops reading at the object's end), and numbers keep every digit
 * (Jackson reads {@code 12345678901234567.89} as a double and loses the cents). Nesting deeper
 * than {@link #MAX_DEPTH} levels and numbers longer than {@link NumberValues#MAX_CHARS} characters
 * are refused before they cost memory or time. Reasons give the column where the line broke and
 * never quote the line: Jackson's messages do, and the line may hold personal data.
 */
final class JsonLine {

  /** The deepest nesting of objects and arrays read: Jackson's default, stated here. */
  static final int MAX_DEPTH = 1000;

  private static final ObjectMapper JSON =
      new ObjectMapper(
              JsonFactory.builder()
                  .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                  .streamReadConstraints(
                      StreamReadConstraints.builder()
                          .maxNestingDepth(MAX_DEPTH)
                          .maxNumberLength(NumberValues.MAX_CHARS)
                          .build())
                  .build())
          .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
          // As written: the default factory strips trailing zeros, turning 1.0 into 1, which an
          // integer field would then accept.
          .setNodeFactory(JsonNodeFactory.withExactBigDecimals(true));

  private JsonLine() {}

  /** The object on {@code line}. */
  static JsonNode read(String line) throws ProblemException {
    return read(line, false);
  }

  /**
   * The JSON object or array a CSV cell or a log line's group holds for a nested field; the
   * reasons speak of "the record" as for a line, and the caller names the field.
   */
  static JsonNode readNested(String text) throws ProblemException {
    return read(text, true);
  }

  private static JsonNode read(String line, boolean arrays) throws ProblemException {
    try (JsonParser parser = JSON.createParser(line)) {
      JsonNode node;
      try {
        node = JSON.readTree(parser);
      } catch (StreamConstraintsException e) {
        throw new ProblemException(exceeded(parser));
      } catch (JsonParseException e) {
        String duplicate = duplicateName(e, parser);
        long column = column(e.getLocation());
        throw new ProblemException(
            duplicate != null
                ? "the record has the member \"" + duplicate + "\" more than once"
                : e instanceof JsonEOFException || column > line.length()
                    ? "the record ends inside its JSON value (column " + column + ")"
                    : "the record is not valid JSON (column " + column + ")");
      }
      if (node == null || !(node.isObject() || (arrays && node.isArray()))) {
        throw new ProblemException(
            "the record is " + kind(node) + ", not a JSON object" + (arrays ? " or array" : ""));
      }
      if (hasMore(parser)) {
        throw new ProblemException(
            "the record has text after its JSON " + (node.isObject() ? "object" : "array") + " (column "
                + column(parser.currentTokenLocation())
                + ")");
      }
      return node;
    } catch (IOException e) {
      // A String source cannot fail to read; JsonProcessingException is handled above.
      throw new ProblemException("the record is not valid JSON");
    }
  }

  /** How a reason names a JSON value's kind: "a JSON array", "JSON null". */
  static String kind(@Nullable JsonNode node) {
    JsonNodeType type = node == null ? JsonNodeType.MISSING : node.getNodeType();
    switch (type) {
      case NULL:
      case MISSING:
        return "JSON null";
      case ARRAY:
        return "a JSON array";
      case OBJECT:
        return "a JSON object";
      default:
        return "a JSON " + type.name().toLowerCase(Locale.ROOT);
    }
  }

  private static boolean hasMore(JsonParser parser) {
    try {
      return parser.nextToken() != null;
    } catch (JsonProcessingException e) {
      return true; // not even a token, still text after the object
    } catch (IOException e) {
      return true;
    }
  }

  private static String exceeded(JsonParser parser) {
    return parser.getParsingContext().getNestingDepth() >= MAX_DEPTH
        ? "the record nests objects and arrays deeper than " + MAX_DEPTH + " levels"
        : "the record has a number longer than " + NumberValues.MAX_CHARS + " characters";
  }

  /** The member name Jackson found twice, or null when {@code e} is another problem. */
  private static @Nullable String duplicateName(JsonParseException e, JsonParser parser) {
    String message = e.getOriginalMessage();
    if (message == null || !message.startsWith("Duplicate field '")) {
      return null;
    }
    String name = parser.getParsingContext().getCurrentName();
    return name == null ? null : Utf8Text.printable(shortened(name));
  }

  private static String shortened(String name) {
    return name.length() <= 64 ? name : name.substring(0, 64) + "...";
  }

  private static long column(@Nullable JsonLocation location) {
    return location == null ? 0 : location.getColumnNr();
  }

  /** Why a line is not a JSON object; its reason is a {@link Violation}'s. */
  static final class ProblemException extends Exception {
    ProblemException(String reason) {
      super(reason, null, false, false);
    }

    Violation violation() {
      return Violation.error("parse.json", null, getMessage());
    }
  }
}

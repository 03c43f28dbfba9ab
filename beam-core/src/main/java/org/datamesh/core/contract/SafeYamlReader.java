package org.datamesh.core.contract;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.checkerframework.checker.nullness.qual.Nullable;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.error.MarkedYAMLException;

/**
 * Reads a contract's YAML into a tree without trusting it: bounded size, nesting and aliases, no
 * tags, no duplicate keys, one document; and records the line of every path on the way.
 *
 * <p>The tree is built here from the parser's tokens, rather than by {@code readTree}, for three
 * reasons: the nesting limit is enforced before anything recurses (so a 10,000-level document is
 * refused, not a {@link StackOverflowError}); token locations give each path its line; and YAML
 * features Jackson would read silently wrong are refused: an alias is read by Jackson as its
 * anchor's name, not its value, and a repeated key would silently keep one of the two.
 */
final class SafeYamlReader {

  static final int MAX_BYTES = 4 * 1024 * 1024;
  static final int MAX_DEPTH = 100;
  static final int MAX_ALIASES = 50;

  private static final YAMLFactory FACTORY =
      YAMLFactory.builder().loaderOptions(loaderOptions()).build();

  private final Problems problems;
  private final Map<String, Integer> lines = new HashMap<>();
  private final List<ContractProblem> aliasProblems = new ArrayList<>();
  private final JsonNodeFactory nodes = JsonNodeFactory.withExactBigDecimals(true);
  private String currentPath = YamlPaths.ROOT;
  private int aliases;

  private SafeYamlReader(Problems problems) {
    this.problems = problems;
  }

  /** The document, or null when it cannot be read (the reasons are in {@code problems}). */
  static @Nullable YamlDocument read(byte[] yaml, Problems problems) {
    if (yaml.length > MAX_BYTES) {
      problems.error(
          YamlPaths.ROOT,
          0,
          "the document has " + yaml.length + " bytes; a contract may have at most " + MAX_BYTES
              + " (4 MiB)");
      return null;
    }
    return new SafeYamlReader(problems).read(yaml);
  }

  private @Nullable YamlDocument read(byte[] yaml) {
    try (JsonParser parser = FACTORY.createParser(yaml)) {
      if (parser.nextToken() == null) {
        problems.error(YamlPaths.ROOT, 0, "the document is empty");
        return null;
      }
      JsonNode root = value(parser, YamlPaths.ROOT, 1);
      if (parser.nextToken() != null) {
        problems.error(
            YamlPaths.ROOT, line(parser), "more than one YAML document; a contract is one document");
      }
      // Reported only now: past the alias limit, the one problem worth reading is the bomb.
      aliasProblems.forEach(p -> problems.error(p.path(), p.line(), p.message()));
      if (!root.isObject()) {
        problems.error(YamlPaths.ROOT, 1, "a contract is a mapping of keys to values");
        return null;
      }
      return new YamlDocument(root, Map.copyOf(lines));
    } catch (Refused refused) {
      problems.error(refused.path, refused.line, refused.getMessage());
      return null;
    } catch (JsonProcessingException | RuntimeException e) {
      // SnakeYAML's own limits (code points, nesting) and syntax errors land here.
      notYaml(e);
      return null;
    } catch (IOException e) {
      problems.error(YamlPaths.ROOT, 0, "could not be read: " + e.getClass().getSimpleName());
      return null;
    }
  }

  private JsonNode value(JsonParser parser, String path, int depth) throws IOException {
    currentPath = path;
    int line = line(parser);
    lines.putIfAbsent(path, line);
    if (depth > MAX_DEPTH) {
      // Reported at the top-level key: the full path would be a hundred segments long.
      throw new Refused(
          YamlPaths.topLevel(path),
          line,
          "nested deeper than " + MAX_DEPTH + " levels; a contract never needs that");
    }
    YAMLParser yaml = (YAMLParser) parser;
    if (yaml.isCurrentAlias()) {
      return alias(path, line);
    }
    if (yaml.getTypeId() != null) {
      // Jackson ignores most tags, so a tagged value would be read as something it does not say
      // it is; what it holds is skipped unread.
      problems.error(path, line, "YAML tags (!...) are not supported in a contract");
      parser.skipChildren();
      return nodes.nullNode();
    }
    switch (parser.currentToken()) {
      case START_OBJECT:
        return mapping(parser, path, depth);
      case START_ARRAY:
        return sequence(parser, path, depth);
      case VALUE_STRING:
        return nodes.textNode(parser.getText());
      case VALUE_NUMBER_INT:
        return integer(parser);
      case VALUE_NUMBER_FLOAT:
        return decimal(parser);
      case VALUE_TRUE:
        return nodes.booleanNode(true);
      case VALUE_FALSE:
        return nodes.booleanNode(false);
      case VALUE_NULL:
        return nodes.nullNode();
      default:
        throw new Refused(path, line, "unexpected YAML content");
    }
  }

  private ObjectNode mapping(JsonParser parser, String path, int depth) throws IOException {
    ObjectNode mapping = nodes.objectNode();
    while (parser.nextToken() == JsonToken.FIELD_NAME) {
      String key = parser.currentName();
      String keyPath = YamlPaths.key(path, key);
      int keyLine = line(parser);
      boolean repeated = mapping.has(key);
      if (repeated) {
        problems.error(keyPath, keyLine, "this key appears twice in the same mapping");
      }
      lines.putIfAbsent(keyPath, keyLine);
      parser.nextToken();
      JsonNode value = value(parser, keyPath, depth + 1);
      if (!repeated) {
        mapping.set(key, value);
      }
    }
    return mapping;
  }

  private ArrayNode sequence(JsonParser parser, String path, int depth) throws IOException {
    ArrayNode sequence = nodes.arrayNode();
    int index = 0;
    while (parser.nextToken() != JsonToken.END_ARRAY) {
      sequence.add(value(parser, YamlPaths.index(path, index++), depth + 1));
    }
    return sequence;
  }

  private JsonNode alias(String path, int line) {
    aliases++;
    if (aliases > MAX_ALIASES) {
      throw new Refused(
          YamlPaths.ROOT,
          0,
          "more than " + MAX_ALIASES + " YAML aliases; refused (this is how a YAML bomb is built)");
    }
    aliasProblems.add(
        new ContractProblem(
            path, line, "YAML aliases (*name) are not supported in a contract; write the value out"));
    return nodes.nullNode();
  }

  private JsonNode integer(JsonParser parser) throws IOException {
    switch (parser.getNumberType()) {
      case INT:
        return nodes.numberNode(parser.getIntValue());
      case LONG:
        return nodes.numberNode(parser.getLongValue());
      default:
        return nodes.numberNode(parser.getBigIntegerValue());
    }
  }

  private JsonNode decimal(JsonParser parser) throws IOException {
    try {
      return nodes.numberNode(parser.getDecimalValue());
    } catch (NumberFormatException infiniteOrNaN) {
      return nodes.numberNode(parser.getDoubleValue());
    }
  }

  private void notYaml(Exception e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof MarkedYAMLException) {
        MarkedYAMLException marked = (MarkedYAMLException) t;
        int line = marked.getProblemMark() == null ? 0 : marked.getProblemMark().getLine() + 1;
        problems.error(currentPath, line, "not valid YAML: " + firstLine(marked.getProblem()));
        return;
      }
    }
    int line = 0;
    if (e instanceof JsonProcessingException && ((JsonProcessingException) e).getLocation() != null) {
      line = ((JsonProcessingException) e).getLocation().getLineNr();
    }
    String reason =
        e instanceof JsonProcessingException
            ? ((JsonProcessingException) e).getOriginalMessage()
            : e.getMessage();
    problems.error(currentPath, Math.max(line, 0), "not valid YAML: " + firstLine(reason));
  }

  private static String firstLine(@Nullable String text) {
    if (text == null || text.isBlank()) {
      return "unreadable";
    }
    int end = text.indexOf('\n');
    return end < 0 ? text : text.substring(0, end);
  }

  private static int line(JsonParser parser) {
    return Math.max(parser.currentTokenLocation().getLineNr(), 0);
  }

  private static LoaderOptions loaderOptions() {
    // Defence in depth: the reader enforces the same limits itself, whatever SnakeYAML applies.
    LoaderOptions options = new LoaderOptions();
    options.setCodePointLimit(MAX_BYTES);
    options.setNestingDepthLimit(MAX_DEPTH);
    options.setMaxAliasesForCollections(MAX_ALIASES);
    options.setAllowRecursiveKeys(false);
    // Repeated keys are reported by the reader, which goes on to find other problems; SnakeYAML's
    // check would stop at the first one.
    options.setAllowDuplicateKeys(true);
    options.setProcessComments(false);
    return options;
  }

  /** Reading stops: going on would be unsafe or pointless. */
  private static final class Refused extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final String path;
    private final int line;

    Refused(String path, int line, String message) {
      super(message, null, false, false);
      this.path = path;
      this.line = line;
    }
  }
}

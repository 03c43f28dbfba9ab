package org.datamesh.core.contract;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Checks a contract against the ODCS v3.1.0 JSON Schema (draft 2019-09) and reports each failure
 * as a {@link ContractProblem} at the contract's own path.
 *
 * <p>The schema is not in the source tree: the build copies it from the shared specs folder
 * ({@code datamesh.specs.dir}) into the jar, next to this class.
 *
 * <p>A schema built from {@code if/then/else}, {@code oneOf} and {@code unevaluatedProperties}
 * reports one mistake several times: as itself, as "one of these alternatives failed" above it,
 * and as "unevaluated properties" beside it. Only the most specific report of each is kept.
 */
final class OdcsSchemaValidator {

  static final String RESOURCE = "odcs-json-schema-v3.1.0.json";
  private static final String ODCS = "ODCS v3.1.0";

  private OdcsSchemaValidator() {}

  /** Loaded once per JVM; a validated schema is safe to share between threads. */
  private static final class Holder {
    static final JsonSchema SCHEMA = load();
  }

  static void validate(JsonNode contract, Problems problems) {
    Set<ValidationMessage> messages;
    try {
      messages = Holder.SCHEMA.validate(contract);
    } catch (RuntimeException e) {
      problems.error(
          YamlPaths.ROOT,
          0,
          "could not be checked against the " + ODCS + " JSON Schema: "
              + e.getClass().getSimpleName());
      return;
    }
    List<ContractProblem> specific = new ArrayList<>();
    List<String> unevaluated = new ArrayList<>();
    List<ContractProblem> alternatives = new ArrayList<>();
    List<String> ambiguous = ambiguousAlternatives(messages);
    java.util.Map<String, List<String>> oneOfMissing = new java.util.TreeMap<>();
    for (ValidationMessage message : messages) {
      String type = message.getType();
      if (ambiguous.contains(message.getSchemaPath())) {
        specific.add(
            problem(
                problems,
                YamlPaths.fromJsonPath(message.getPath()),
                "matches more than one of the forms " + ODCS + " allows here, where it must match"
                    + " exactly one (a quality rule takes one threshold operator, for example)"));
        continue;
      }
      if (ambiguous.stream().anyMatch(a -> message.getSchemaPath().startsWith(a + "/"))) {
        // Why the other forms do not match: noise, since the value matches too many of them.
        continue;
      }
      String path = YamlPaths.fromJsonPath(message.getPath());
      String[] arguments = message.getArguments();
      if ("unevaluatedProperties".equals(type)) {
        // The validator lists the unevaluated paths, one per line, as the message's path.
        for (String each : message.getPath().split("\\s+")) {
          if (!each.isBlank()) {
            unevaluated.add(YamlPaths.fromJsonPath(each));
          }
        }
      } else if ("required".equals(type) && arguments != null && arguments.length > 0) {
        String schemaPath = message.getSchemaPath() == null ? "" : message.getSchemaPath();
        int oneOf = schemaPath.lastIndexOf("/oneOf/");
        if (oneOf >= 0) {
          // One key of several alternatives is missing: say so once, not once per alternative.
          oneOfMissing
              .computeIfAbsent(path + "\n" + schemaPath.substring(0, oneOf), k -> new ArrayList<>())
              .add(arguments[0]);
          continue;
        }
        String missing = YamlPaths.key(path, arguments[0]);
        specific.add(problem(problems, missing, "required by " + ODCS + " but missing"));
      } else if ("additionalProperties".equals(type) && arguments != null && arguments.length > 0) {
        String extra = YamlPaths.key(path, arguments[0]);
        specific.add(problem(problems, extra, "not a key " + ODCS + " allows here"));
      } else if (isAlternatives(type)) {
        alternatives.add(problem(problems, path, text(message)));
      } else {
        specific.add(problem(problems, path, text(message)));
      }
    }
    for (java.util.Map.Entry<String, List<String>> group : oneOfMissing.entrySet()) {
      String path = group.getKey().substring(0, group.getKey().indexOf("\n"));
      List<String> keys = group.getValue().stream().distinct().sorted().toList();
      specific.add(
          keys.size() == 1
              ? problem(problems, YamlPaths.key(path, keys.get(0)), "required by " + ODCS + " but missing")
              : problem(problems, path, "needs one of " + String.join(", ", keys) + " (" + ODCS + ")"));
    }
    for (ContractProblem alternative : alternatives) {
      if (specific.stream().noneMatch(p -> within(p.path(), alternative.path()))) {
        specific.add(alternative);
      }
    }
    if (specific.isEmpty()) {
      // Only "unevaluated": keys that no branch of the schema accepts where they stand.
      for (String path : unevaluated) {
        specific.add(problem(problems, path, "not a key " + ODCS + " allows here"));
      }
    }
    Set<ContractProblem> distinct = new LinkedHashSet<>(specific);
    // A value the YAML reader refused (an alias, say) has been reported already.
    distinct.removeIf(p -> problems.hasErrorAt(p.path()));
    distinct.stream()
        .sorted(Comparator.comparingInt(ContractProblem::line).thenComparing(ContractProblem::path))
        .forEach(p -> problems.error(p.path(), p.line(), p.message()));
  }

  /** Schema paths of the {@code oneOf}s that more than one alternative matched. */
  private static List<String> ambiguousAlternatives(Set<ValidationMessage> messages) {
    List<String> ambiguous = new ArrayList<>();
    for (ValidationMessage message : messages) {
      String[] arguments = message.getArguments();
      if ("oneOf".equals(message.getType())
          && message.getSchemaPath() != null
          && arguments != null
          && arguments.length > 0
          && !"0".equals(arguments[0])) {
        ambiguous.add(message.getSchemaPath());
      }
    }
    return ambiguous;
  }

  private static ContractProblem problem(Problems problems, String path, String message) {
    return new ContractProblem(path, problems.lineOf(path), message);
  }

  private static boolean isAlternatives(String type) {
    return "oneOf".equals(type) || "anyOf".equals(type) || "allOf".equals(type)
        || "not".equals(type);
  }

  private static boolean within(String path, String ancestor) {
    return YamlPaths.ROOT.equals(ancestor)
        || path.equals(ancestor)
        || path.startsWith(ancestor + ".")
        || path.startsWith(ancestor + "[");
  }

  /** The validator's message without the path it starts with (the problem carries the path). */
  private static String text(ValidationMessage message) {
    String text = message.getMessage();
    String prefix = message.getPath() + ": ";
    return text.startsWith(prefix) ? text.substring(prefix.length()) : text;
  }

  private static JsonSchema load() {
    try (InputStream in = OdcsSchemaValidator.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException(
            RESOURCE + " is missing from the classpath next to " + OdcsSchemaValidator.class
                + "; the build copies it from ${datamesh.specs.dir}/odcs/");
      }
      JsonNode schema = new ObjectMapper().readTree(in);
      return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V201909).getSchema(schema);
    } catch (IOException e) {
      throw new IllegalStateException("could not read " + RESOURCE, e);
    }
  }
}

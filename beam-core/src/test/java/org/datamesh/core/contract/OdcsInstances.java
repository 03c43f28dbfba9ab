package org.datamesh.core.contract;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Random instances of the ODCS JSON Schema, built by walking the schema itself: objects with their
 * required and some optional properties, enums and consts, examples, arrays, {@code $ref}, {@code
 * allOf}, {@code if}/{@code then} on what was generated, one branch of {@code oneOf}/{@code anyOf}.
 *
 * <pre>{@code
 * OdcsInstances odcs = OdcsInstances.fromSpecs();
 * JsonNode contract = odcs.instance(new Random(seed), 0.0);   // valid in shape, mostly
 * JsonNode broken = odcs.instance(new Random(seed), 0.05);    // wrong types, missing keys
 * }</pre>
 *
 * <p>Strings come from {@link OdcsValues}, which knows what the library reads at each key, so a good
 * share of instances load and the loader's mapping code runs, not only its schema check.
 */
final class OdcsInstances {

  private static final int MAX_DEPTH = 12;
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private final JsonNode root;

  private OdcsInstances(JsonNode root) {
    this.root = root;
  }

  /** The generator for the ODCS v3.1.0 JSON Schema in the specs folder ({@link SpecsFolder}). */
  static OdcsInstances fromSpecs() throws IOException {
    Path file = SpecsFolder.odcs().resolve(SpecsFolder.ODCS_SCHEMA);
    return new OdcsInstances(new ObjectMapper().readTree(file.toFile()));
  }

  /**
   * A random document: {@code breakRate} is the chance, at each value, of a wrong type, and at
   * each object, of a dropped required key or an unknown one.
   */
  JsonNode instance(Random random, double breakRate) {
    return new Walk(random, breakRate).value(root, "", 0);
  }

  /** One generation, with its random source. */
  private final class Walk {
    private final Random random;
    private final double breakRate;

    Walk(Random random, double breakRate) {
      this.random = random;
      this.breakRate = breakRate;
    }

    JsonNode value(JsonNode schema, String key, int depth) {
      JsonNode resolved = resolve(schema);
      if (random.nextDouble() < breakRate || depth > MAX_DEPTH) {
        return OdcsValues.anyScalar(random, key);
      }
      for (String choice : List.of("oneOf", "anyOf")) {
        if (resolved.has(choice)) {
          JsonNode branch = resolved.get(choice).get(random.nextInt(resolved.get(choice).size()));
          return value(merge(without(resolved, choice), resolve(branch)), key, depth);
        }
      }
      if (resolved.has("const")) {
        return resolved.get("const");
      }
      if (resolved.has("enum") && random.nextInt(30) > 0) {
        return OdcsValues.choice(random, key, resolved.get("enum"));
      }
      String type = type(resolved);
      if (resolved.has("examples") && random.nextBoolean()) {
        JsonNode example = pick(resolved.get("examples"));
        if (example.getNodeType().name().equalsIgnoreCase(type) || "any".equals(type)) {
          return example;
        }
      }
      switch (type) {
        case "object":
          return object(resolved, key, depth);
        case "array":
          return array(resolved, key, depth);
        case "string":
          return NODES.textNode(OdcsValues.string(random, key, resolved.path("format").asText("")));
        case "integer":
          return NODES.numberNode(OdcsValues.integer(random));
        case "number":
          return NODES.numberNode(OdcsValues.number(random));
        case "boolean":
          return NODES.booleanNode(random.nextBoolean());
        case "null":
          return NODES.nullNode();
        default:
          return OdcsValues.anyScalar(random, key);
      }
    }

    private String type(JsonNode schema) {
      JsonNode type = schema.get("type");
      if (type == null) {
        return schema.has("properties") ? "object" : schema.has("items") ? "array" : "any";
      }
      return type.isArray() ? pick(type).asText() : type.asText();
    }

    private JsonNode object(JsonNode schema, String key, int depth) {
      ObjectNode object = NODES.objectNode();
      fill(object, schema, depth, false);
      // Conditional parts apply to what was generated, as a validator would apply them, and
      // replace what was generated from the less specific schema.
      for (JsonNode part : schema.path("allOf")) {
        JsonNode resolvedPart = resolve(part);
        if (resolvedPart.has("if") && holds(resolvedPart.get("if"), object)) {
          fill(object, resolve(resolvedPart.get("then")), depth, true);
        }
      }
      if (object.isEmpty() && !schema.has("properties") && !"AnyType".equals(key)) {
        OdcsValues.freeMembers(random, key).forEach(object::set);
      }
      if (random.nextDouble() < breakRate && object.size() > 0) {
        object.remove(object.fieldNames().next());
      }
      if (random.nextDouble() < breakRate) {
        object.set(OdcsValues.string(random, "unknownKey", ""), OdcsValues.anyScalar(random, key));
      }
      return object;
    }

    private void fill(ObjectNode object, JsonNode schema, int depth, boolean replace) {
      List<String> required = new ArrayList<>();
      schema.path("required").forEach(r -> required.add(r.asText()));
      double optional = depth < 3 ? 0.6 : depth < 6 ? 0.3 : 0.05;
      for (Iterator<Map.Entry<String, JsonNode>> it = schema.path("properties").fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> property = it.next();
        String name = property.getKey();
        if (object.has(name)) {
          if (replace) {
            object.set(name, value(property.getValue(), name, depth + 1));
          }
          continue;
        }
        if (required.contains(name)
            || OdcsValues.NEEDED.contains(name)
            || random.nextDouble() < (OdcsValues.RARE.contains(name) ? optional / 10 : optional)) {
          object.set(name, value(property.getValue(), name, depth + 1));
        }
      }
    }

    private JsonNode array(JsonNode schema, String key, int depth) {
      ArrayNode array = NODES.arrayNode();
      int min = schema.path("minItems").asInt(0);
      // The library builds one product from one object, so "schema" mostly holds one.
      int size = "schema".equals(key) && random.nextInt(5) > 0 ? 1 : min + random.nextInt(depth < 4 ? 4 : 2);
      if ("properties".equals(key) && size == 0 && random.nextInt(5) > 0) {
        size = 1 + random.nextInt(4);
      }
      for (int i = 0; i < size; i++) {
        array.add(value(schema.path("items"), key, depth + 1));
      }
      return array;
    }

    private JsonNode pick(JsonNode choices) {
      return choices.get(random.nextInt(choices.size()));
    }
  }

  /** Whether {@code instance} meets an {@code if}: the consts, types and required keys it names. */
  private boolean holds(JsonNode condition, JsonNode instance) {
    if (condition.has("anyOf")) {
      for (JsonNode branch : condition.get("anyOf")) {
        if (holds(branch, instance)) {
          return true;
        }
      }
      return false;
    }
    for (JsonNode required : condition.path("required")) {
      if (!instance.has(required.asText())) {
        return false;
      }
    }
    for (Iterator<Map.Entry<String, JsonNode>> it = condition.path("properties").fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> property = it.next();
      JsonNode value = instance.get(property.getKey());
      JsonNode expected = property.getValue();
      if (value == null) {
        continue;
      }
      if (expected.has("const") && !expected.get("const").equals(value)) {
        return false;
      }
      if ("string".equals(expected.path("type").asText(null)) && !value.isTextual()) {
        return false;
      }
    }
    return true;
  }

  /** {@code schema} with its {@code $ref} and {@code allOf} parts (not conditional ones) merged in. */
  private JsonNode resolve(JsonNode schema) {
    JsonNode result = schema;
    while (result.has("$ref")) {
      String pointer = result.get("$ref").asText().substring(1);
      result = merge(without(result, "$ref"), root.at(pointer));
    }
    if (result.has("allOf")) {
      // Merged once: only the conditional parts stay, for object() to apply.
      JsonNode parts = result.get("allOf");
      ArrayNode conditional = NODES.arrayNode();
      result = without(result, "allOf");
      for (JsonNode part : parts) {
        if (part.has("if")) {
          conditional.add(part);
        } else {
          result = merge(result, resolve(part));
        }
      }
      if (!conditional.isEmpty()) {
        result = merge(result, NODES.objectNode().set("allOf", conditional));
      }
    }
    return result;
  }

  /** The keywords of both; properties and required keys united. */
  private static JsonNode merge(JsonNode a, JsonNode b) {
    ObjectNode merged = b.deepCopy();
    a.fields().forEachRemaining(e -> {
      if (e.getKey().equals("properties") && merged.has("properties")) {
        ((ObjectNode) merged.get("properties")).setAll((ObjectNode) e.getValue().deepCopy());
      } else if (e.getKey().equals("required") && merged.has("required")) {
        ((ArrayNode) merged.get("required")).addAll((ArrayNode) e.getValue());
      } else if (e.getKey().equals("allOf") && merged.has("allOf")) {
        ((ArrayNode) merged.get("allOf")).addAll((ArrayNode) e.getValue());
      } else {
        merged.set(e.getKey(), e.getValue().deepCopy());
      }
    });
    return merged;
  }

  private static JsonNode without(JsonNode schema, String keyword) {
    ObjectNode copy = schema.deepCopy();
    copy.remove(keyword);
    return copy;
  }
}

package org.datamesh.examples.catalog;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * The OpenLineage spec and facet schemas of the specs folder ({@code -Ddatamesh.specs.dir}) as a
 * test oracle: every schema is registered under its {@code $id}, and any other URL the validator
 * asks for fails, so nothing is fetched from the network. Tests only.
 *
 * <pre>{@code
 * OpenLineageOracle oracle = OpenLineageOracle.fromSpecs();
 * oracle.problems(event);          // [] when the event and each facet conform
 * oracle.uncheckedFacets();        // facets whose schema the folder does not hold
 * }</pre>
 */
final class OpenLineageOracle {

  static final String SPEC_ID = "https://openlineage.io/spec/2-0-2/OpenLineage.json";

  private static final ObjectMapper JSON = new ObjectMapper();

  private final JsonSchemaFactory factory;
  private final Map<String, JsonNode> schemas;
  private final Set<String> unchecked = new TreeSet<>();

  private OpenLineageOracle(JsonSchemaFactory factory, Map<String, JsonNode> schemas) {
    this.factory = factory;
    this.schemas = schemas;
  }

  static Path specs() {
    String specs = System.getProperty("datamesh.specs.dir");
    if (specs == null || specs.isBlank()) {
      throw new AssertionError("the conformance suite needs -Ddatamesh.specs.dir=/path/to/specs");
    }
    Path folder = Path.of(specs).toAbsolutePath().resolve("openlineage");
    if (!Files.isRegularFile(folder.resolve("OpenLineage.json"))) {
      throw new AssertionError("no OpenLineage spec in " + folder);
    }
    return folder;
  }

  static OpenLineageOracle fromSpecs() {
    Map<String, byte[]> byId = new HashMap<>();
    Map<String, JsonNode> schemas = new HashMap<>();
    try (Stream<Path> files = Files.walk(specs())) {
      for (Path file : files.filter(f -> f.toString().endsWith(".json")).toList()) {
        byte[] bytes = Files.readAllBytes(file);
        JsonNode schema = JSON.readTree(bytes);
        String id = schema.path("$id").asText();
        byId.put(id, bytes);
        schemas.put(id, schema);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    JsonSchemaFactory factory =
        JsonSchemaFactory.builder(JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012))
            .uriFetcher(
                uri -> {
                  String id = withoutFragment(uri);
                  byte[] bytes = byId.get(id);
                  if (bytes == null) {
                    throw new IOException("not in the specs folder (no network): " + uri);
                  }
                  return new ByteArrayInputStream(bytes);
                },
                "https", "http")
            .build();
    return new OpenLineageOracle(factory, schemas);
  }

  /** What the spec, and each facet's own schema, find wrong with {@code event}. */
  List<String> problems(JsonNode event) {
    List<String> problems = new ArrayList<>();
    validate(SPEC_ID, event, "event", problems);
    facets(event.at("/run/facets"), "run", problems);
    facets(event.at("/job/facets"), "job", problems);
    for (String side : List.of("inputs", "outputs")) {
      int i = 0;
      for (JsonNode dataset : event.path(side)) {
        facets(dataset.path("facets"), side + "[" + i + "]", problems);
        facets(dataset.path("inputFacets"), side + "[" + i + "].inputFacets", problems);
        facets(dataset.path("outputFacets"), side + "[" + i + "].outputFacets", problems);
        i++;
      }
    }
    return problems;
  }

  /** The facets seen whose {@code _schemaURL} names a schema the folder does not hold. */
  Set<String> uncheckedFacets() {
    return unchecked;
  }

  private void facets(JsonNode facets, String where, List<String> problems) {
    facets.fields().forEachRemaining(
        entry -> {
          String id = withoutFragment(URI.create(entry.getValue().path("_schemaURL").asText()));
          JsonNode schema = schemas.get(id);
          if (schema == null) {
            unchecked.add(entry.getKey() + " (" + id + ")");
            return;
          }
          if (!schema.path("properties").has(entry.getKey())) {
            problems.add(where + "." + entry.getKey() + ": its schema " + id + " names another facet");
            return;
          }
          ObjectNode wrapped = JSON.createObjectNode();
          wrapped.set(entry.getKey(), entry.getValue());
          validate(id, wrapped, where + "." + entry.getKey(), problems);
        });
  }

  private void validate(String id, JsonNode document, String where, List<String> problems) {
    JsonSchema schema = factory.getSchema(URI.create(id));
    for (ValidationMessage message : schema.validate(document)) {
      problems.add(where + ": " + message.getMessage());
    }
  }

  private static String withoutFragment(URI uri) {
    String text = uri.toString();
    int hash = text.indexOf('#');
    return hash < 0 ? text : text.substring(0, hash);
  }
}

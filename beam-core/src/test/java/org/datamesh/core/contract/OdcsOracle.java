package org.datamesh.core.contract;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Set;

/**
 * The official ODCS v3.1.0 JSON Schema, read from the specs folder and run by {@code
 * com.networknt:json-schema-validator} (draft 2019-09): the oracle our own structure check is
 * compared with. Tests only; the library never reads the schema.
 *
 * <pre>{@code
 * OdcsOracle oracle = OdcsOracle.fromSpecs();
 * oracle.problems(tree);   // empty when the schema accepts the contract
 * }</pre>
 */
final class OdcsOracle {

  private final JsonSchema schema;

  private OdcsOracle(JsonSchema schema) {
    this.schema = schema;
  }

  static OdcsOracle fromSpecs() {
    try {
      JsonNode schema =
          new ObjectMapper().readTree(SpecsFolder.odcs().resolve(SpecsFolder.ODCS_SCHEMA).toFile());
      return new OdcsOracle(
          JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V201909).getSchema(schema));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** What the schema finds wrong with {@code contract}, as the validator words it. */
  List<String> problems(JsonNode contract) {
    Set<ValidationMessage> messages = schema.validate(contract);
    return messages.stream().map(ValidationMessage::getMessage).sorted().toList();
  }
}

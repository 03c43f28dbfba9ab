package org.datamesh.examples.contract;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.PrintStream;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.datamesh.core.contract.ContractField;
import org.datamesh.core.contract.ContractInspection;
import org.datamesh.core.contract.ContractProblem;
import org.datamesh.core.contract.ContractTable;
import org.datamesh.core.contract.DataContract;
import org.datamesh.core.failure.Severity;
import org.datamesh.examples.cli.UsageException;
import org.datamesh.rules.ContractRules;
import org.datamesh.rules.Rule;

/**
 * {@code validate-contract --format=json}: both answers about a contract as one JSON document, for
 * CI pipelines.
 *
 * <pre>{@code
 * {"source": "sales.odcs.yaml", "validOdcs": true, "runnable": true,
 *  "problems": [], "refusals": [], "notices": [{"path": "domain", "line": 0, "message": "..."}],
 *  "product": {"id": "sales.orders", "version": "1.0.0", "owner": "sales-team",
 *              "tables": [{"name": "orders", "object": "orders", "columns": [...],
 *                          "primaryKey": ["order_id"], "partitionKeys": [], "recordRules": [...]}]}}
 * }</pre>
 *
 * <p>{@code product} is present when the contract is valid and {@code run} can build it. Each
 * problem, refusal and notice has a {@code path}, a {@code line} (0 when unknown) and a {@code
 * message}.
 */
final class ContractReport {

  private static final ObjectMapper JSON =
      new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  private ContractReport() {}

  /** Whether {@code --format} asks for JSON; anything but text or json is a usage error. */
  static boolean isJson(String format) throws UsageException {
    String value = format == null ? "text" : format.toLowerCase(Locale.ROOT);
    if (!value.equals("text") && !value.equals("json")) {
      throw new UsageException("--format must be text or json");
    }
    return value.equals("json");
  }

  static void print(ContractInspection inspection, PrintStream out) throws IOException {
    out.println(JSON.writeValueAsString(toJson(inspection)));
  }

  static ObjectNode toJson(ContractInspection inspection) {
    ObjectNode root = JSON.createObjectNode();
    root.put("source", inspection.source());
    root.put("validOdcs", inspection.validOdcs());
    root.put("runnable", inspection.runnable());
    problems(root.putArray("problems"), inspection.invalid());
    problems(root.putArray("refusals"), inspection.refusals());
    problems(root.putArray("notices"), inspection.notices());
    if (inspection.runnable()) {
      product(root.putObject("product"), inspection.contract());
    }
    return root;
  }

  private static void problems(ArrayNode array, List<ContractProblem> problems) {
    for (ContractProblem problem : problems) {
      array
          .addObject()
          .put("path", problem.path())
          .put("line", problem.line())
          .put("message", problem.message());
    }
  }

  private static void product(ObjectNode product, DataContract contract) {
    product.put("id", contract.product().id());
    product.put("domain", contract.domain());
    product.put("name", contract.productName());
    product.put("version", contract.version());
    product.put("owner", contract.owner());
    ArrayNode tables = product.putArray("tables");
    for (ContractTable table : contract.tables()) {
      ObjectNode node = tables.addObject();
      node.put("name", table.folder());
      node.put("object", table.name());
      node.put("path", table.path());
      ArrayNode columns = node.putArray("columns");
      Map<String, String> protection = ContractSummary.protection(contract, table);
      for (ContractField field : table.fields()) {
        columns
            .addObject()
            .put("name", field.name())
            .put("logicalType", field.logicalType().name().toLowerCase(Locale.ROOT))
            .put("physicalType", field.physicalType())
            .put("required", field.required())
            .put("classification", field.classification())
            .put("protection", protection.get(field.name()));
      }
      table.primaryKey().forEach(node.putArray("primaryKey")::add);
      table.partitionKeys().forEach(node.putArray("partitionKeys")::add);
      ArrayNode rules = node.putArray("recordRules");
      for (Rule rule : ContractRules.from(table).rules()) {
        rules.addObject().put("id", rule.id()).put("warning", rule.severity() == Severity.WARN);
      }
    }
  }
}

package org.datamesh.core.failure;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * A failure as one JSON object, for a quarantine topic: product, stage, every violation (rule,
 * field, severity, reason), where the record came from, its raw payload as the failure holds it
 * (protected already when the product protects failures) and when it failed.
 *
 * <pre>{@code
 * {"product":"sales.orders","stage":"VALIDATE",
 *  "violations":[{"ruleId":"amount.range","field":"amount","severity":"ERROR","reason":"..."}],
 *  "source":{"source":"orders-raw","partition":0,"offset":41},
 *  "payload":"enc:...","payloadTruncated":false,"failedAt":"2026-12-07T01:02:03.456Z"}
 * }</pre>
 */
public final class FailureJson {

  private static final ObjectMapper JSON = new ObjectMapper();

  private FailureJson() {}

  public static String of(Failure failure) {
    ObjectNode node = JSON.createObjectNode();
    node.put("product", failure.product());
    node.put("stage", failure.stage().name());
    ArrayNode violations = node.putArray("violations");
    for (Violation violation : failure.violations()) {
      ObjectNode v = violations.addObject();
      v.put("ruleId", violation.ruleId());
      v.put("field", violation.field());
      v.put("severity", violation.severity().name());
      v.put("reason", violation.reason());
    }
    SourcePosition position = failure.source();
    if (position != null) {
      ObjectNode source = node.putObject("source");
      source.put("source", position.source());
      if (position.partition() != null) {
        source.put("partition", position.partition());
      }
      source.put("offset", position.offset());
      if (position.line() != null) {
        source.put("line", position.line());
      }
    }
    node.put("payload", failure.rawPayload());
    node.put("payloadTruncated", failure.rawTruncated());
    node.put("failedAt", failure.failedAt().toString());
    try {
      return JSON.writeValueAsString(node);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a failure could not be rendered as JSON", e);
    }
  }
}

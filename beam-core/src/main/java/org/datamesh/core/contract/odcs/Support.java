package org.datamesh.core.contract.odcs;

/**
 * {@code support}: the channels where consumers get help.
 *
 * <pre>{@code
 * support:
 *   - channel: "#sales-data"
 *     tool: slack
 *     url: https://example.slack.com/archives/C0123
 * }</pre>
 */
final class Support {

  static final ObjectShape CHANNEL =
      ObjectShape.closed("a support channel")
          .required("channel", Values.STRING)
          .optional("id", Formats.STABLE_ID)
          .optional("description", Values.STRING)
          .optional("url", Values.STRING)
          .optional("tool", Values.STRING)
          .optional("scope", Values.STRING)
          .optional("invitationUrl", Values.STRING)
          .optional("customProperties", CommonShapes.CUSTOM_PROPERTIES);

  static final Check LIST = Values.listOf(CHANNEL);

  private Support() {}
}

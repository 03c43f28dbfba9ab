package org.datamesh.examples.cli;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The secrets given on a command line, and text with them blanked out.
 *
 * <pre>{@code
 * SecretValues secrets = SecretValues.of(new String[] {
 *     "--awsCredentialsProvider={\"@type\":\"StaticCredentialsProvider\","
 *         + "\"accessKeyId\":\"AKIA1234\",\"secretAccessKey\":\"s3cr3t-v4lue\"}"});
 * secrets.redact("cannot use key AKIA1234 with s3cr3t-v4lue");  // "cannot use key **** with ****"
 * }</pre>
 *
 * <p>What is secret is decided by name ({@link SecretNames}): the whole value of an option whose
 * name looks secret ({@code --awsCredentialsProvider=...}), and the value of every JSON field
 * whose name looks secret inside any option's value ({@code "password"} in {@code
 * --proxyConfiguration}, {@code "sasl.jaas.config"} in a Kafka configuration map). Fields are
 * found in the text, not by parsing it, so a value that is not valid JSON (the very case an error
 * message would echo) still gives up its secret fields. Values shorter than {@value #SHORTEST}
 * characters are not blanked out: they would mangle every word that contains them, and are no
 * secret worth the name.
 */
public final class SecretValues {

  /** Values shorter than this are left as they are. */
  static final int SHORTEST = 4;

  static final String MASK = "****";

  /** {@code "name": "value"} in JSON text, escapes kept, even where the text is not valid JSON. */
  private static final Pattern FIELD =
      Pattern.compile("\"((?:[^\"\\\\]|\\\\.)*)\"\\s*:\\s*\"((?:[^\"\\\\]|\\\\.)*)\"");

  private final List<String> secrets;

  private SecretValues(List<String> secrets) {
    this.secrets = secrets;
  }

  /**
   * The secrets among {@code args}: options such as {@code --name=value}, and the value after a
   * secret-named {@code --name} given apart, as {@code --name value} (which the command line
   * refuses, but must not repeat while saying so).
   */
  public static SecretValues of(String[] args) {
    Set<String> found = new LinkedHashSet<>();
    for (int i = 0; i < args.length; i++) {
      String arg = args[i];
      int equals = arg.indexOf('=');
      if (!arg.startsWith("--")) {
        continue;
      }
      if (equals < 0) {
        if (SecretNames.looksSecret(arg.substring(2)) && i + 1 < args.length) {
          found.add(args[i + 1]);
        }
        continue;
      }
      String value = arg.substring(equals + 1);
      if (SecretNames.looksSecret(arg.substring(2, equals))) {
        found.add(value);
      }
      Matcher field = FIELD.matcher(value);
      while (field.find()) {
        if (SecretNames.looksSecret(field.group(1))) {
          found.add(field.group(2));
          found.add(field.group(2).replace("\\\"", "\"").replace("\\\\", "\\"));
        }
      }
    }
    List<String> secrets = new ArrayList<>();
    for (String secret : found) {
      if (secret.length() >= SHORTEST) {
        secrets.add(secret);
      }
    }
    // Longest first, so a whole value goes before the fields inside it.
    secrets.sort(Comparator.comparingInt(String::length).reversed());
    return new SecretValues(List.copyOf(secrets));
  }

  /** {@code text} with every secret replaced by {@value #MASK}. */
  public String redact(String text) {
    String redacted = text;
    for (String secret : secrets) {
      redacted = redacted.replace(secret, MASK);
    }
    return redacted;
  }

  /** Whether the command line held no secret. */
  public boolean isEmpty() {
    return secrets.isEmpty();
  }
}

package org.datamesh.examples.cli;

import java.util.List;
import java.util.Locale;

/**
 * Which option and field names hold secrets: the rule the command line redacts by.
 *
 * <pre>{@code
 * SecretNames.looksSecret("awsCredentialsProvider");  // true: "credential"
 * SecretNames.looksSecret("secretAccessKey");         // true: "secret"
 * SecretNames.looksSecret("sasl.jaas.config");        // true: "jaas"
 * SecretNames.looksSecret("SSECustomerKey");          // true: ends with "key"
 * SecretNames.looksSecret("sslKeyFile");              // false: a path to a secret, not one
 * SecretNames.looksSecret("output");                  // false
 * }</pre>
 *
 * <p>A name looks secret when, lower-cased and without separators, it contains {@code secret},
 * {@code password}, {@code passwd}, {@code token}, {@code credential}, {@code jaas} or {@code
 * accesskey} (so an access key id counts too), or ends with {@code key}. Names such as {@code
 * keyFile} or {@code kmsKeyId} name where a secret is, not the secret, and are left alone. The
 * rule errs towards hiding: a hidden harmless value costs a less helpful message, a shown secret
 * costs the secret.
 */
public final class SecretNames {

  private static final List<String> WORDS =
      List.of("secret", "password", "passwd", "token", "credential", "jaas", "accesskey");

  private SecretNames() {}

  /** Whether an option or a field named {@code name} holds a secret. */
  public static boolean looksSecret(String name) {
    String plain = name.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "");
    return plain.endsWith("key") || WORDS.stream().anyMatch(plain::contains);
  }
}

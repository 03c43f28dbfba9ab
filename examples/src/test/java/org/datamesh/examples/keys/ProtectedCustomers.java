package org.datamesh.examples.keys;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * A customers product with personal data in every classified column, and input with known
 * personal values that fail at every stage: the material of the protection tests.
 */
final class ProtectedCustomers {

  static final String CONTRACT = "/org/datamesh/examples/keys/crm-customers.odcs.yaml";

  /** Every personal value of {@link #CSV}; none may appear in clear anywhere after a run. */
  static final List<String> PERSONAL_VALUES =
      List.of(
          "C-1001", "C-1002", "C-1003", "C-1004", "C-1005", "C-1006",
          "ada.lovelace@example.com", "grace.hopper@example.com", "alan.turing@example.com",
          "edsger@example.com", "barbara@example.com", "donald@example.com",
          "+49 30 1234567", "+44 20 7946 0958", "+1 212 555 0199", "+33 1 2345 6789",
          "123-45-6789", "987-65-4321", "555-12-3456", "111-22-3333",
          "1985-07-14", "1990-12-03", "1979-02-28");

  /**
   * Six customers and a duplicate: C-1001 published (and its older copy a duplicate), C-1002 fails
   * to parse (visits), C-1003 fails standardization (its time), C-1004 fails validation (city),
   * C-1005 has an unclosed quote, C-1006 is published.
   */
  static final String CSV =
      "customer_id,email,phone,ssn,birth_date,city,signed_up,visits\n"
          + "C-1001,ada.lovelace@example.com,+49 30 1234567,123-45-6789,1985-07-14,Berlin,2024-01-01T10:00:00Z,3\n"
          + "C-1002,grace.hopper@example.com,+44 20 7946 0958,987-65-4321,1990-12-03,London,2024-01-02T10:00:00Z,many\n"
          + "C-1003,alan.turing@example.com,+1 212 555 0199,555-12-3456,1979-02-28,Boston,yesterday,2\n"
          + "C-1004,edsger@example.com,+33 1 2345 6789,111-22-3333,1985-07-14,paris,2024-01-04T10:00:00Z,1\n"
          + "C-1001,ada.lovelace@example.com,+49 30 1234567,123-45-6789,1985-07-14,Berlin,2024-01-01T09:00:00Z,2\n"
          + "C-1005,\"barbara@example.com,+49 30 1234567,123-45-6789,1990-12-03,Rome,2024-01-05T10:00:00Z,1\n"
          + "C-1006,donald@example.com,+1 212 555 0199,987-65-4321,1979-02-28,Oslo,2024-01-06T10:00:00Z,7\n";

  private ProtectedCustomers() {}

  static Path writeContract(Path dir) throws IOException {
    try (InputStream in = ProtectedCustomers.class.getResourceAsStream(CONTRACT)) {
      Path file = dir.resolve("crm-customers.odcs.yaml");
      Files.write(file, in.readAllBytes());
      return file;
    }
  }

  static Path writeInput(Path dir) throws IOException {
    return Files.writeString(dir.resolve("customers.csv"), CSV, StandardCharsets.UTF_8);
  }
}

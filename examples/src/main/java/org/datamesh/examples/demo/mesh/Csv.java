package org.datamesh.examples.demo.mesh;

/** CSV lines as RFC 4180 writes them: a value holding a comma, a quote or a line break is quoted. */
final class Csv {

  private Csv() {}

  /** One CSV line of {@code values}; a null value is an empty cell. */
  static String line(String... values) {
    StringBuilder line = new StringBuilder();
    for (int i = 0; i < values.length; i++) {
      if (i > 0) {
        line.append(',');
      }
      String value = values[i] == null ? "" : values[i];
      if (value.indexOf(',') >= 0 || value.indexOf('"') >= 0 || value.indexOf('\n') >= 0
          || value.indexOf('\r') >= 0) {
        line.append('"').append(value.replace("\"", "\"\"")).append('"');
      } else {
        line.append(value);
      }
    }
    return line.toString();
  }
}

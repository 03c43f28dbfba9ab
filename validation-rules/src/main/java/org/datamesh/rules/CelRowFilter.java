package org.datamesh.rules;

import java.time.Clock;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.beam.sdk.schemas.Schema;
import org.apache.beam.sdk.values.Row;
import org.datamesh.core.read.RowFilter;

/**
 * A role's row filter as a CEL expression over the columns, in the same language and with the
 * same value mapping as CEL rules ({@code Rules.expression}).
 *
 * <pre>{@code
 * RoleAccess eu = RoleAccess.named("eu_analyst").filteredBy(CelRowFilter.of("country == 'DE' || country == 'FR'"));
 * }</pre>
 *
 * <p>A row is read only when the expression is {@code true}: {@code false}, an evaluation error
 * (a null used as a value) or a result that is not a bool all leave the row out, so a filter that
 * cannot decide never shows a row it should have hidden. The expression is type-checked against
 * the table when the read is built; an expression that does not compile is refused then.
 */
public final class CelRowFilter implements RowFilter {

  private static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");
  private static final Pattern STRING_LITERAL = Pattern.compile("'(?:[^'\\\\]|\\\\.)*'|\"(?:[^\"\\\\]|\\\\.)*\"");

  private final String expression;

  private CelRowFilter(String expression) {
    if (expression == null || expression.isBlank()) {
      throw new IllegalArgumentException("a row filter needs an expression");
    }
    this.expression = expression.strip();
  }

  public static CelRowFilter of(String expression) {
    return new CelRowFilter(expression);
  }

  /** Every identifier of the expression outside string literals: the columns it may read. */
  @Override
  public Set<String> columns() {
    Set<String> names = new LinkedHashSet<>();
    Matcher words = IDENTIFIER.matcher(STRING_LITERAL.matcher(expression).replaceAll(" "));
    while (words.find()) {
      names.add(words.group());
    }
    return names;
  }

  @Override
  public Predicate<Row> compile(Schema schema) {
    RecordCheck.Compiled check =
        new CelExpression(expression, List.of(), Clock.systemUTC()).compile(schema);
    return row -> check.violation(row.getValues().toArray()) == null;
  }

  @Override
  public String describe() {
    return expression;
  }
}

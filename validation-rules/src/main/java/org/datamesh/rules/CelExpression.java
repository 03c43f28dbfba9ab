package org.datamesh.rules;

import com.google.protobuf.Timestamp;
import dev.cel.bundle.Cel;
import dev.cel.bundle.CelBuilder;
import dev.cel.bundle.CelFactory;
import dev.cel.common.CelAbstractSyntaxTree;
import dev.cel.common.CelOptions;
import dev.cel.common.CelValidationException;
import dev.cel.common.types.CelKind;
import dev.cel.common.types.CelType;
import dev.cel.common.types.SimpleType;
import dev.cel.runtime.CelEvaluationException;
import dev.cel.runtime.CelRuntime;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.beam.sdk.schemas.Schema;
import org.apache.beam.sdk.schemas.Schema.FieldType;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * A CEL expression over a whole record that must be true: {@code ship_date >= order_date},
 * {@code status == 'SHIPPED' ? ship_date != null : true}. Every column is a variable of its name
 * (typed as {@link CelValues} says), and {@code now} is the timestamp the record is checked at.
 *
 * <p>Only the text travels with the pipeline: the program is type-checked against the schema
 * when the pipeline is built ({@link #checkApplicable}) and compiled again once per worker
 * ({@link #compile}); CEL programs are not serializable. An expression that does not compile,
 * or whose type is known not to be {@code bool}, is refused then.
 *
 * <p>Per record, {@code true} keeps the rule; {@code false} breaks it; an evaluation error (a
 * null used as a value, a key an object does not have, a division by zero) or a result that is
 * not a bool breaks it too, with a reason saying it could not be evaluated and CEL's error code,
 * never CEL's message (which may quote a value).
 */
final class CelExpression implements RecordCheck {

  /** The variable holding the time the record is checked at. */
  static final String NOW = "now";

  private final String expression;
  private final List<String> fields;
  private final Clock clock;

  CelExpression(String expression, List<String> fields, Clock clock) {
    if (expression == null || expression.isBlank()) {
      throw new IllegalArgumentException("a CEL rule needs an expression");
    }
    this.expression = expression.strip();
    this.fields = List.copyOf(fields);
    this.clock = clock;
  }

  String expression() {
    return expression;
  }

  @Override
  public String kind() {
    return "expression";
  }

  @Override
  public List<String> fields() {
    return fields;
  }

  @Override
  public void checkApplicable(Schema schema) {
    program(schema);
  }

  @Override
  public Compiled compile(Schema schema) {
    CelRuntime.Program program = program(schema);
    int count = schema.getFieldCount();
    String[] names = schema.getFieldNames().toArray(new String[0]);
    FieldType[] types = new FieldType[count];
    for (int i = 0; i < count; i++) {
      types[i] = schema.getField(i).getType();
    }
    Map<String, Object> variables = new HashMap<>();
    return values -> {
      for (int i = 0; i < count; i++) {
        variables.put(names[i], CelValues.celValue(types[i], values[i]));
      }
      Instant now = clock.instant();
      variables.put(
          NOW,
          Timestamp.newBuilder().setSeconds(now.getEpochSecond()).setNanos(now.getNano()).build());
      return violation(program, variables);
    };
  }

  private @Nullable String violation(CelRuntime.Program program, Map<String, Object> variables) {
    Object result;
    try {
      result = program.eval(variables);
    } catch (CelEvaluationException e) {
      return "could not evaluate " + expression + " (" + e.getErrorCode() + ": "
          + explain(e.getErrorCode()) + ")";
    } catch (RuntimeException e) {
      return "could not evaluate " + expression + " (" + e.getClass().getSimpleName() + ")";
    }
    if (Boolean.TRUE.equals(result)) {
      return null;
    }
    if (Boolean.FALSE.equals(result)) {
      return "must " + describe();
    }
    return expression + " must evaluate to true or false, but did not";
  }

  private static String explain(dev.cel.common.CelErrorCode code) {
    switch (code) {
      case OVERLOAD_NOT_FOUND:
        return "a value it uses is missing (null) or of another type";
      case ATTRIBUTE_NOT_FOUND:
        return "a field it reads is absent";
      case DIVIDE_BY_ZERO:
        return "division by zero";
      case INDEX_OUT_OF_BOUNDS:
        return "an index past the end of a list";
      case NUMERIC_OVERFLOW:
        return "a number overflowed";
      default:
        return "see the CEL specification for the code";
    }
  }

  /** The program for records of {@code schema}; throws, saying why, when it cannot be one. */
  private CelRuntime.Program program(Schema schema) {
    Cel cel = environment(schema);
    CelAbstractSyntaxTree ast;
    try {
      ast = cel.compile(expression).getAst();
    } catch (CelValidationException e) {
      throw new IllegalArgumentException(
          "the CEL expression " + expression + " does not compile: " + firstLine(e.getMessage()),
          e);
    }
    CelType type = ast.getResultType();
    if (type.kind() != CelKind.BOOL && type.kind() != CelKind.DYN) {
      throw new IllegalArgumentException(
          "the CEL expression " + expression + " gives a " + type.name() + ", not a bool");
    }
    try {
      return cel.createProgram(ast);
    } catch (CelEvaluationException e) {
      throw new IllegalArgumentException(
          "the CEL expression " + expression + " cannot run: " + e.getMessage(), e);
    }
  }

  /** CEL's compile errors end with the expression and a caret: one line is enough here. */
  private static String firstLine(@Nullable String message) {
    if (message == null) {
      return "no reason given";
    }
    int end = message.indexOf('\n');
    return (end < 0 ? message : message.substring(0, end)).replaceFirst("^ERROR: <input>:", "at ");
  }

  private static Cel environment(Schema schema) {
    CelOptions options =
        CelOptions.current()
            .enableHeterogeneousNumericComparisons(true) // amount > 0 with a double amount
            .comprehensionMaxIterations(100_000) // a macro over a huge list stops
            .build();
    CelBuilder builder = CelFactory.standardCelBuilder().setOptions(options);
    for (Schema.Field field : schema.getFields()) {
      if (field.getName().equals(NOW)) {
        throw new IllegalArgumentException(
            "a column named " + NOW + " hides the time CEL rules read as " + NOW);
      }
      builder.addVar(field.getName(), CelValues.declaredType(field.getType()));
    }
    builder.addVar(NOW, SimpleType.TIMESTAMP);
    return builder.build();
  }

  @Override
  public String describe() {
    return "satisfy " + expression;
  }
}

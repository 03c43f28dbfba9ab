package org.datamesh.core.contract.odcs;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/**
 * A mapping ODCS defines: its required and optional keys, what each key's value must be, and
 * whether other keys are allowed.
 *
 * <pre>{@code
 * static final ObjectShape ROLE =
 *     ObjectShape.closed("a role")
 *         .required("role", Values.STRING)
 *         .optional("access", Values.STRING)
 *         .optional("id", Formats.STABLE_ID);
 * }</pre>
 *
 * <p>Shapes are immutable: every {@code required}, {@code optional}, {@code explain} and {@link
 * #with} returns a new one, so a section builds its variants (a server of each type, a property of
 * each logical type) from one base without changing it. Keys are checked in document order, after
 * the missing required keys.
 */
final class ObjectShape implements Check {

  private final String what;
  private final boolean closed;
  private final Map<String, Check> keys;
  private final Set<String> required;
  private final Map<String, String> explanations;

  private ObjectShape(
      String what,
      boolean closed,
      Map<String, Check> keys,
      Set<String> required,
      Map<String, String> explanations) {
    this.what = what;
    this.closed = closed;
    this.keys = keys;
    this.required = required;
    this.explanations = explanations;
  }

  /** A mapping that holds only the keys listed, described as {@code what} ("a role"). */
  static ObjectShape closed(String what) {
    return new ObjectShape(what, true, Map.of(), Set.of(), Map.of());
  }

  /** A mapping that may hold other keys than those listed, which are not checked. */
  static ObjectShape open(String what) {
    return new ObjectShape(what, false, Map.of(), Set.of(), Map.of());
  }

  /** Returns a shape like this one but where {@code key} must be present and pass {@code check}. */
  ObjectShape required(String key, Check check) {
    return new ObjectShape(
        what, closed, plus(keys, key, check), plus(required, key), explanations);
  }

  /** Returns a shape like this one but where {@code key} may be present and must pass {@code check}. */
  ObjectShape optional(String key, Check check) {
    return new ObjectShape(what, closed, plus(keys, key, check), required, explanations);
  }

  /**
   * Returns a shape like this one but that says {@code why} when {@code key} is found where it is
   * not allowed, instead of listing the allowed keys (for keys allowed in a variant of the shape).
   */
  ObjectShape explain(String key, String why) {
    Map<String, String> more = new LinkedHashMap<>(explanations);
    more.put(key, why);
    return new ObjectShape(what, closed, keys, required, Collections.unmodifiableMap(more));
  }

  /** Returns a shape like this one but also allowing and requiring what {@code other} does. */
  ObjectShape with(ObjectShape other) {
    Map<String, Check> allKeys = new LinkedHashMap<>(keys);
    allKeys.putAll(other.keys);
    Set<String> allRequired = new LinkedHashSet<>(required);
    allRequired.addAll(other.required);
    Map<String, String> allExplanations = new LinkedHashMap<>(explanations);
    allExplanations.putAll(other.explanations);
    allKeys.keySet().forEach(allExplanations::remove);
    return new ObjectShape(
        what,
        closed && other.closed,
        Collections.unmodifiableMap(allKeys),
        Collections.unmodifiableSet(allRequired),
        Collections.unmodifiableMap(allExplanations));
  }

  /** Returns a shape like this one but described as {@code what}. */
  ObjectShape named(String what) {
    return new ObjectShape(what, closed, keys, required, explanations);
  }

  @Override
  public void check(JsonNode value, Location where, Report report) {
    if (!value.isObject()) {
      report.add(where, "must be " + what + " (a mapping of keys to values), not " + Values.kind(value));
      return;
    }
    for (String key : required) {
      if (!value.has(key)) {
        report.add(where.key(key), "missing; ODCS requires it in " + what);
      }
    }
    for (String key : Values.keys(value)) {
      Check check = keys.get(key);
      if (check != null) {
        check.check(value.get(key), where.key(key), report);
      } else if (closed) {
        report.add(where.key(key), unknown(key));
      }
    }
  }

  private String unknown(String key) {
    String why = explanations.get(key);
    if (why != null) {
      return why;
    }
    return "not a key ODCS allows in " + what + "; allowed: " + String.join(", ", keys.keySet());
  }

  private static Map<String, Check> plus(Map<String, Check> keys, String key, Check check) {
    Map<String, Check> more = new LinkedHashMap<>(keys);
    more.put(key, check);
    return Collections.unmodifiableMap(more);
  }

  private static Set<String> plus(Set<String> keys, String key) {
    Set<String> more = new LinkedHashSet<>(keys);
    more.add(key);
    return Collections.unmodifiableSet(more);
  }
}

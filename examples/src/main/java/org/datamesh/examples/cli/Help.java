package org.datamesh.examples.cli;

import java.io.PrintStream;
import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import org.apache.beam.sdk.options.Default;
import org.apache.beam.sdk.options.Description;

/** The help text, built from the commands and their options' annotations so it cannot drift. */
final class Help {

  private Help() {}

  static void print(List<Command> commands, PrintStream out) {
    out.println("Usage: java -jar examples/target/datamesh.jar <command> [--option=value ...]");
    out.println();
    out.println("Commands:");
    for (Command command : commands) {
      out.printf(Locale.ROOT, "  %-18s %s%n", command.name(), command.summary());
    }
    for (Command command : commands) {
      out.println();
      out.println("Options of " + command.name() + ":");
      for (Method getter : ownGetters(command.optionsType())) {
        Description description = getter.getAnnotation(Description.class);
        out.printf(
            Locale.ROOT,
            "  --%-22s %s%s%n",
            property(getter) + "=" + placeholder(getter),
            description.value(),
            defaultOf(getter));
      }
      if (command.takesBeamOptions()) {
        out.printf(
            Locale.ROOT,
            "  --%-22s %s%n",
            "runner=NAME",
            "Beam runner: FlinkRunner (embedded, the default; for large inputs) or DirectRunner"
                + " (for tests: it holds whole bundles in memory)");
        out.println("  Any other Beam pipeline option (--parallelism=2, ...) goes to the runner.");
      }
    }
    out.println();
    out.println(
        "Exit status: 0 published; 1 the run failed or did not add up; 2 bad usage, a bad"
            + " contract, or an unusable input or folder.");
  }

  /** The command's own options: those of its type and of the project's types it extends, not Beam's. */
  private static List<Method> ownGetters(Class<?> type) {
    List<Method> getters = new java.util.ArrayList<>(Arrays.asList(type.getDeclaredMethods()));
    for (Class<?> parent : type.getInterfaces()) {
      if (parent.getName().startsWith("org.datamesh.")) {
        getters.addAll(ownGetters(parent));
      }
    }
    return getters.stream()
        .filter(m -> m.isAnnotationPresent(Description.class))
        .sorted(Comparator.comparing(Help::property))
        .toList();
  }

  private static String property(Method getter) {
    String name = getter.getName().replaceFirst("^(get|is)", "");
    return Character.toLowerCase(name.charAt(0)) + name.substring(1);
  }

  private static String placeholder(Method getter) {
    if (getter.isAnnotationPresent(Placeholder.class)) {
      return getter.getAnnotation(Placeholder.class).value();
    }
    Class<?> type = getter.getReturnType();
    if (type != String.class) {
      return "N";
    }
    // A folder is DIR, a file FILE; any other text option shows its own name (--results=RESULTS).
    String property = property(getter);
    switch (property) {
      case "output":
        return "DIR";
      case "contract":
        return "FILE";
      case "input":
        return "PATH_OR_GLOB";
      case "inputFormat":
        return "csv|jsonl|log";
      default:
        return property.toUpperCase(Locale.ROOT);
    }
  }

  private static String defaultOf(Method getter) {
    if (getter.isAnnotationPresent(Default.Integer.class)) {
      return " (default " + getter.getAnnotation(Default.Integer.class).value() + ")";
    }
    if (getter.isAnnotationPresent(Default.String.class)) {
      return " (default " + getter.getAnnotation(Default.String.class).value() + ")";
    }
    if (getter.isAnnotationPresent(Default.Long.class)) {
      return " (default " + getter.getAnnotation(Default.Long.class).value() + ")";
    }
    return "";
  }
}

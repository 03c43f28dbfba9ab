package org.datamesh.examples.kafka;

import java.util.List;

/** Reading the options {@code StreamCommand.streamingArgs} adds, in the stream's tests. */
final class StreamArgs {

  private StreamArgs() {}

  /** The value of the first option in {@code args} that starts with {@code name} ("--x="). */
  static String value(List<String> args, String name) {
    return args.stream()
        .filter(a -> a.startsWith(name))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no " + name + " in " + args))
        .substring(name.length());
  }
}

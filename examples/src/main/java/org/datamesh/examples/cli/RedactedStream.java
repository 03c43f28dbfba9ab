package org.datamesh.examples.cli;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/**
 * A stream that prints through another one with the command line's secrets blanked out, a whole
 * line at a time, so that a secret is replaced even when it reaches the stream in pieces.
 *
 * <pre>{@code
 * PrintStream err = RedactedStream.over(System.err, SecretValues.of(args));
 * }</pre>
 */
public final class RedactedStream extends OutputStream {

  private final PrintStream target;
  private final SecretValues secrets;
  private final ByteArrayOutputStream line = new ByteArrayOutputStream();

  private RedactedStream(PrintStream target, SecretValues secrets) {
    this.target = target;
    this.secrets = secrets;
  }

  /** {@code target} itself when there is no secret to hide, else a redacting stream over it. */
  public static PrintStream over(PrintStream target, SecretValues secrets) {
    if (secrets.isEmpty()) {
      return target;
    }
    // No autoflush: a PrintStream flushes after every write then, which would cut lines in pieces.
    return new PrintStream(new RedactedStream(target, secrets), false, StandardCharsets.UTF_8);
  }

  @Override
  public synchronized void write(int b) {
    line.write(b);
    if (b == '\n') {
      emit();
    }
  }

  @Override
  public synchronized void write(byte[] bytes, int offset, int length) {
    for (int i = offset; i < offset + length; i++) {
      write(bytes[i]);
    }
  }

  /** Writes a line not ended yet too: asked for explicitly, as before the process exits. */
  @Override
  public synchronized void flush() {
    emit();
    target.flush();
  }

  private void emit() {
    if (line.size() == 0) {
      return;
    }
    target.print(secrets.redact(line.toString(StandardCharsets.UTF_8)));
    line.reset();
    target.flush();
  }
}

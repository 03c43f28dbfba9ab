package org.datamesh.examples.contract;

import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Optional;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.values.PCollection;
import org.datamesh.rules.profile.DatasetProfile;

/**
 * The profile a {@code profile} pipeline computed, handed to the command through a local
 * temporary file (as {@link CommitReceipt} hands over a manifest): the command's runners
 * (embedded Flink, Direct) run the last step in the command's JVM.
 */
final class ProfileReceipt {

  private final Path file;

  private ProfileReceipt(Path file) {
    this.file = file;
  }

  /** A receipt in a new, empty temporary file, removed when the JVM exits. */
  static ProfileReceipt create() throws IOException {
    Path file = Files.createTempFile("datamesh-profile-", ".bin");
    file.toFile().deleteOnExit();
    return new ProfileReceipt(file);
  }

  /** Adds the step that writes {@code profile} to this receipt. */
  void keep(PCollection<DatasetProfile> profile) {
    profile.apply("KeepProfile", ParDo.of(new WriteFn(file.toString())));
  }

  /** The profile; empty when the pipeline never wrote it. */
  Optional<DatasetProfile> read() throws IOException {
    if (Files.size(file) == 0) {
      return Optional.empty();
    }
    try (ObjectInputStream in = new ObjectInputStream(Files.newInputStream(file))) {
      return Optional.of((DatasetProfile) in.readObject());
    } catch (ClassNotFoundException e) {
      throw new IOException("the profile written by the pipeline cannot be read back", e);
    } finally {
      Files.deleteIfExists(file);
    }
  }

  private static final class WriteFn extends DoFn<DatasetProfile, Void> {
    private final String file;

    WriteFn(String file) {
      this.file = file;
    }

    @ProcessElement
    public void process(@Element DatasetProfile profile) throws IOException {
      try (OutputStream bytes = Files.newOutputStream(Paths.get(file));
          ObjectOutputStream out = new ObjectOutputStream(bytes)) {
        out.writeObject(profile);
      }
    }
  }
}

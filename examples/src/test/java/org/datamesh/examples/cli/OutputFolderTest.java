package org.datamesh.examples.cli;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.is;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Where a local {@code --output} goes, however it is written. */
class OutputFolderTest {

  @TempDir Path dir;

  @Test
  void aFileUriNamesTheSameFolderAsItsPath() throws UsageException {
    Path expected = dir.resolve("mesh").toAbsolutePath();
    assertThat(OutputFolder.prepare(expected.toUri().toString()), equalTo(expected));
    assertThat(OutputFolder.prepare(expected.toString()), equalTo(expected));
    assertThat(Files.isDirectory(expected), is(true));
    assertThat(
        "no relative folder named file: is made",
        Files.exists(Path.of("file:").toAbsolutePath()),
        is(false));
  }

  @Test
  void aFileUriThatIsNotAbsoluteIsAUsageError() {
    UsageException e = assertThrows(UsageException.class, () -> OutputFolder.prepare("file:mesh"));
    assertThat(e.getMessage(), equalTo("--output is not a valid file: URI (file:///path/to/folder)"));
  }
}

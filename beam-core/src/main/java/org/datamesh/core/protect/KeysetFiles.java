package org.datamesh.core.protect;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.EnumSet;
import java.util.Set;

/**
 * Keyset files: created readable by their owner only, refused when anyone else can read them.
 *
 * <pre>{@code
 * KeysetFiles.create(Path.of("/secure/datamesh.keyset.json"));   // keys --keyset=...
 * DataKeys keys = KeysetFiles.read(Path.of("/secure/datamesh.keyset.json"));
 * KeysetFiles.rotate(Path.of("/secure/datamesh.keyset.json"));   // keys --keyset=... --rotate
 * }</pre>
 *
 * <p>A keyset is secret: whoever reads it reads every encrypted value and can tell which
 * tokens belong to which values. So a file whose mode lets its group or others read or write it
 * is refused (on file systems without POSIX modes this check cannot be made and is skipped).
 * Writes go to a temporary file of mode 600 in the same folder, then replace the file in one
 * rename, so a crash never leaves half a keyset.
 */
public final class KeysetFiles {

  private static final Set<PosixFilePermission> OWNER_ONLY =
      PosixFilePermissions.fromString("rw-------");

  private KeysetFiles() {}

  /** The keys in {@code file}, after checking that only its owner can read it. */
  public static DataKeys read(Path file) throws KeysetException {
    checkOwnerOnly(file);
    String json;
    try {
      json = Files.readString(file, StandardCharsets.UTF_8);
    } catch (NoSuchFileException e) {
      throw new KeysetException(
          "no keyset at " + file + "; create one with: keys --keyset=" + file);
    } catch (IOException e) {
      throw new KeysetException("the keyset " + file + " cannot be read: " + e.getClass().getSimpleName());
    }
    try {
      return DataKeys.fromJson(json);
    } catch (KeysetException e) {
      throw new KeysetException(file + ": " + e.getMessage());
    }
  }

  /** Creates a keyset at {@code file}, which must not exist yet; returns its keys. */
  public static DataKeys create(Path file) throws KeysetException {
    if (Files.exists(file)) {
      throw new KeysetException(
          "a keyset exists at " + file + "; to add a new primary key use: keys --keyset=" + file
              + " --rotate");
    }
    DataKeys keys = DataKeys.generate();
    write(file, keys, false);
    return keys;
  }

  /** Adds a new primary key to each keyset of {@code file}; returns the rotated keys. */
  public static DataKeys rotate(Path file) throws KeysetException {
    DataKeys rotated = read(file).rotated();
    write(file, rotated, true);
    return rotated;
  }

  private static void write(Path file, DataKeys keys, boolean replace) throws KeysetException {
    Path folder = file.toAbsolutePath().getParent();
    Path temp = null;
    try {
      Files.createDirectories(folder);
      temp = Files.createTempFile(folder, ".keyset-", ".tmp", ownerOnlyAttributes(folder));
      Files.writeString(temp, keys.toJson(), StandardCharsets.UTF_8);
      try (var channel = java.nio.channels.FileChannel.open(temp, java.nio.file.StandardOpenOption.WRITE)) {
        channel.force(true);
      }
      if (replace) {
        Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      } else {
        // A link fails when the name exists, so two creators cannot both win.
        Files.createLink(file, temp);
        Files.delete(temp);
      }
      temp = null;
    } catch (FileAlreadyExistsException e) {
      throw new KeysetException("a keyset appeared at " + file + " while this one was written");
    } catch (AtomicMoveNotSupportedException e) {
      throw new KeysetException("the folder of " + file + " cannot replace files atomically");
    } catch (IOException | UnsupportedOperationException e) {
      throw new KeysetException("the keyset " + file + " cannot be written: " + e.getClass().getSimpleName());
    } finally {
      if (temp != null) {
        try {
          Files.deleteIfExists(temp);
        } catch (IOException ignored) {
          // Best effort: the temporary file is owner-only.
        }
      }
    }
  }

  private static java.nio.file.attribute.FileAttribute<?>[] ownerOnlyAttributes(Path folder) {
    if (Files.getFileAttributeView(folder, PosixFileAttributeView.class) == null) {
      return new java.nio.file.attribute.FileAttribute<?>[0];
    }
    return new java.nio.file.attribute.FileAttribute<?>[] {
      PosixFilePermissions.asFileAttribute(OWNER_ONLY)
    };
  }

  private static void checkOwnerOnly(Path file) throws KeysetException {
    PosixFileAttributeView view = Files.getFileAttributeView(file, PosixFileAttributeView.class);
    if (view == null) {
      return;
    }
    Set<PosixFilePermission> permissions;
    try {
      permissions = view.readAttributes().permissions();
    } catch (NoSuchFileException e) {
      throw new KeysetException(
          "no keyset at " + file + "; create one with: keys --keyset=" + file);
    } catch (IOException e) {
      throw new KeysetException("the keyset " + file + " cannot be read: " + e.getClass().getSimpleName());
    }
    Set<PosixFilePermission> open = EnumSet.noneOf(PosixFilePermission.class);
    for (PosixFilePermission permission : permissions) {
      if (!permission.name().startsWith("OWNER_")) {
        open.add(permission);
      }
    }
    if (!open.isEmpty()) {
      throw new KeysetException(
          "the keyset " + file + " can be read or changed by others (mode "
              + PosixFilePermissions.toString(permissions) + "); make it owner-only: chmod 600 "
              + file);
    }
  }
}

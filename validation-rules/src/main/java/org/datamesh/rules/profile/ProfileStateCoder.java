package org.datamesh.rules.profile;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.OutputStream;
import org.apache.beam.sdk.coders.CoderException;
import org.apache.beam.sdk.coders.CustomCoder;
import org.apache.beam.sdk.util.VarInt;

/**
 * Encodes partial profiles with Java serialization, compared by their bytes: Beam's {@code
 * SerializableCoder} compares them with {@code equals}, which a mutable sketch of maps and sets
 * has no sensible form of, so the Direct runner warned on every element.
 */
final class ProfileStateCoder extends CustomCoder<ProfileState> {

  private static final ProfileStateCoder INSTANCE = new ProfileStateCoder();

  static ProfileStateCoder of() {
    return INSTANCE;
  }

  @Override
  public void encode(ProfileState value, OutputStream out) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ObjectOutputStream objects = new ObjectOutputStream(bytes)) {
      objects.writeObject(value);
    }
    VarInt.encode(bytes.size(), out);
    bytes.writeTo(out);
  }

  @Override
  public ProfileState decode(InputStream in) throws IOException {
    byte[] bytes = new byte[VarInt.decodeInt(in)];
    new DataInputStream(in).readFully(bytes);
    try (ObjectInputStream objects = new ObjectInputStream(new ByteArrayInputStream(bytes))) {
      return (ProfileState) objects.readObject();
    } catch (ClassNotFoundException e) {
      throw new CoderException("a partial profile of another version of the library", e);
    }
  }
}

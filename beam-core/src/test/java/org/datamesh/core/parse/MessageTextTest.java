package org.datamesh.core.parse;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.is;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * A message's payload decoded in one call ({@link MessageParser#text}) reads exactly as the file
 * reader decodes the same bytes ({@link Utf8Text#reader}): bad sequences marked, a leading byte
 * order mark skipped, the length counted over the whole text however much of it is kept.
 */
class MessageTextTest {

  @Test
  void validTextIsItselfAndALeadingByteOrderMarkIsSkipped() {
    BoundedLineReader.Line line = MessageParser.text(bytes("\uFEFFORD-1,caf\u00e9,\uD83D\uDE00,\uFFFF"), 100);
    assertThat(line.text(), equalTo("ORD-1,caf\u00e9,\uD83D\uDE00,\uFFFF"));
    assertThat(line.length(), is(15L));
    assertThat(line.invalidUtf8(), is(false));
  }

  @Test
  void badBytesAreMarkedAndTheTextIsCutWhereAsked() {
    byte[] payload = {'a', 'b', (byte) 0xFF, 'c', 'd', 'e', (byte) 0xE2, (byte) 0x82};
    BoundedLineReader.Line line = MessageParser.text(payload, 3);
    assertThat(line.text(), equalTo("ab" + Utf8Text.INVALID));
    assertThat(line.length(), is(7L));
    assertThat(line.invalidUtf8(), is(true));
  }

  @Test
  void anyBytesDecodeAsTheFileReaderDecodesThem() throws IOException {
    Random random = new Random(42);
    byte[] alphabet = bytes("a,\"\n\u00e9\u20ac\uD83D\uDE00\uFEFF");
    for (int run = 0; run < 5_000; run++) {
      byte[] payload = new byte[random.nextInt(24)];
      for (int i = 0; i < payload.length; i++) {
        payload[i] =
            random.nextInt(4) == 0 ? (byte) random.nextInt(256) : alphabet[random.nextInt(alphabet.length)];
      }
      int keep = random.nextInt(30);
      BoundedLineReader.Line expected = throughReader(payload, keep);
      BoundedLineReader.Line actual = MessageParser.text(payload, keep);
      assertThat(java.util.Arrays.toString(payload) + " keeping " + keep, actual, equalTo(expected));
    }
  }

  /** What decoding through the file reader, a character at a time, gives. */
  private static BoundedLineReader.Line throughReader(byte[] payload, int keep) throws IOException {
    StringBuilder text = new StringBuilder();
    long length = 0;
    boolean invalid = false;
    char previous = 0;
    try (Reader in = Utf8Text.reader(new ByteArrayInputStream(payload))) {
      for (int c = in.read(); c != -1; c = in.read()) {
        length++;
        invalid |= Utf8Text.isInvalid(previous, (char) c);
        previous = (char) c;
        if (text.length() < keep) {
          text.append((char) c);
        }
      }
    }
    return new BoundedLineReader.Line(text.toString(), length, invalid);
  }

  private static byte[] bytes(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }
}

package org.datamesh.core.publish;

import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.Channels;
import java.nio.channels.SeekableByteChannel;
import org.apache.beam.sdk.io.FileSystems;
import org.apache.beam.sdk.io.fs.ResourceId;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.transforms.Sum;
import org.apache.beam.sdk.values.PCollection;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.parquet.io.DelegatingSeekableInputStream;
import org.apache.parquet.io.InputFile;
import org.apache.parquet.io.SeekableInputStream;

/**
 * How many rows the written Parquet files hold, read from their footers once they are complete.
 *
 * <p>Why count the files rather than the rows on their way in: counting a collection of rows adds
 * a second consumer to it, and runners such as Flink then encode every row once more for that
 * consumer; the footers are a few bytes per file. It also makes the manifest's counts what was
 * really written, not what was meant to be.
 */
final class ParquetRowCounts extends PTransform<PCollection<String>, PCollection<Long>> {

  @Override
  public PCollection<Long> expand(PCollection<String> files) {
    return files
        .apply("ReadFooters", ParDo.of(new FooterRowCountFn()))
        .apply("SumRows", Sum.longsGlobally());
  }

  private static final class FooterRowCountFn extends DoFn<String, Long> {
    @ProcessElement
    public void process(@Element String file, OutputReceiver<Long> out) throws IOException {
      try (ParquetFileReader reader = ParquetFileReader.open(new BeamInputFile(file))) {
        out.output(reader.getRecordCount());
      }
    }
  }

  /** A file of any Beam file system, as parquet-java reads it. */
  private static final class BeamInputFile implements InputFile {
    private final ResourceId file;

    BeamInputFile(String name) {
      this.file = FileSystems.matchNewResource(name, false);
    }

    @Override
    public long getLength() throws IOException {
      // From the opened file itself: matching the name would read '*', '?' and '[' as a glob.
      try (SeekableByteChannel channel = open()) {
        return channel.size();
      }
    }

    private SeekableByteChannel open() throws IOException {
      java.nio.channels.ReadableByteChannel channel = FileSystems.open(file);
      if (!(channel instanceof SeekableByteChannel seekable)) {
        channel.close();
        throw new IOException(
            "cannot read the Parquet footer of " + file + ": its file system cannot seek");
      }
      return seekable;
    }

    @Override
    public SeekableInputStream newStream() throws IOException {
      SeekableByteChannel channel = open();
      InputStream in = Channels.newInputStream(channel);
      return new DelegatingSeekableInputStream(in) {
        @Override
        public long getPos() throws IOException {
          return channel.position();
        }

        @Override
        public void seek(long position) throws IOException {
          channel.position(position);
        }
      };
    }
  }
}

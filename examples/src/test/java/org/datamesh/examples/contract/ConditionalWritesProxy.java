package org.datamesh.examples.contract;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.jclouds.blobstore.BlobStore;
import org.jclouds.blobstore.domain.BlobMetadata;

/**
 * Amazon S3's conditional writes in front of S3Proxy, which ignores {@code If-Match} and {@code
 * If-None-Match} on uploads (gaul/s3proxy#627): a loopback proxy that passes every request
 * through unchanged (signatures stay valid), except that it checks an upload's condition against
 * the blob store and answers 412 Precondition Failed as S3 does, holding a lock from the check
 * to the end of the upload so check and write are one step. A test can also hold the next
 * conditional upload before its check, to let another commit go first.
 *
 * <pre>{@code
 * ConditionalWritesProxy proxy = ConditionalWritesProxy.start(S3.endpoint(), S3.blobStore());
 * ... "--endpoint=" + proxy.endpoint() ...
 * }</pre>
 */
final class ConditionalWritesProxy implements AutoCloseable {

  private final URI backend;
  private final BlobStore blobs;
  private final ServerSocket server;
  private final ExecutorService threads = Executors.newCachedThreadPool();
  private final Object writeLock = new Object();
  private final AtomicReference<Hold> hold = new AtomicReference<>();
  private final List<String> refused = new ArrayList<>();

  /** A conditional upload to hold: {@code reached} counts down once it is held. */
  record Hold(CountDownLatch reached, CountDownLatch release) {}

  private ConditionalWritesProxy(URI backend, BlobStore blobs) throws IOException {
    this.backend = backend;
    this.blobs = blobs;
    this.server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
    threads.submit(this::accept);
  }

  static ConditionalWritesProxy start(URI backend, BlobStore blobs) throws IOException {
    return new ConditionalWritesProxy(backend, blobs);
  }

  URI endpoint() {
    return URI.create("http://127.0.0.1:" + server.getLocalPort());
  }

  /** Holds the next conditional upload before its check until {@code release} counts down. */
  Hold holdNextConditionalWrite() {
    Hold next = new Hold(new CountDownLatch(1), new CountDownLatch(1));
    hold.set(next);
    return next;
  }

  /** The keys of the uploads refused with 412, in order. */
  synchronized List<String> refused() {
    return List.copyOf(refused);
  }

  private Void accept() throws IOException {
    while (!server.isClosed()) {
      Socket client;
      try {
        client = server.accept();
      } catch (IOException e) {
        return null; // closed
      }
      threads.submit(() -> serve(client));
    }
    return null;
  }

  /** One request a connection: the response says {@code Connection: close}. */
  private Void serve(Socket client) throws Exception {
    try (client) {
      InputStream in = client.getInputStream();
      OutputStream out = client.getOutputStream();
      List<String> head = readHead(in);
      if (head.isEmpty()) {
        return null;
      }
      String[] requestLine = head.get(0).split(" ");
      List<String> forwarded = new ArrayList<>();
      forwarded.add(head.get(0));
      long length = 0;
      String ifMatch = null;
      String ifNoneMatch = null;
      boolean expectContinue = false;
      for (String header : head.subList(1, head.size())) {
        String name = header.substring(0, header.indexOf(':')).trim().toLowerCase(Locale.ROOT);
        String value = header.substring(header.indexOf(':') + 1).trim();
        switch (name) {
          case "content-length" -> length = Long.parseLong(value);
          case "transfer-encoding" -> throw new IOException("chunked requests are not handled");
          case "if-match" -> ifMatch = value;
          case "if-none-match" -> ifNoneMatch = value;
          case "expect" -> expectContinue = value.equalsIgnoreCase("100-continue");
          default -> { }
        }
        // Neither is signed: S3 clients leave Connection and Expect out of the signature.
        if (!name.equals("connection") && !name.equals("expect")) {
          forwarded.add(header);
        }
      }
      forwarded.add("Connection: close");
      if (expectContinue) {
        out.write("HTTP/1.1 100 Continue\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
        out.flush();
      }
      byte[] body = in.readNBytes((int) length);
      boolean conditional =
          requestLine[0].equals("PUT")
              && (ifMatch != null || ifNoneMatch != null)
              && !requestLine[1].contains("uploadId=");
      if (!conditional) {
        forward(forwarded, body, out);
        return null;
      }
      Hold held = hold.getAndSet(null);
      if (held != null) {
        held.reached().countDown();
        held.release().await(60, TimeUnit.SECONDS);
      }
      synchronized (writeLock) {
        String path = URI.create(requestLine[1]).getRawPath();
        String bucket = path.substring(1, path.indexOf('/', 1));
        String key =
            URLDecoder.decode(path.substring(path.indexOf('/', 1) + 1), StandardCharsets.UTF_8);
        BlobMetadata current = blobs.blobMetadata(bucket, key);
        String etag = current == null ? null : unquoted(current.getETag());
        boolean holds =
            ifNoneMatch != null
                ? current == null
                : current != null && unquoted(ifMatch).equals(etag);
        if (!holds) {
          synchronized (this) {
            refused.add(key);
          }
          byte[] error =
              ("<?xml version=\"1.0\" encoding=\"UTF-8\"?><Error><Code>PreconditionFailed</Code>"
                      + "<Message>At least one of the pre-conditions you specified did not hold"
                      + "</Message><Condition>" + (ifNoneMatch != null ? "If-None-Match" : "If-Match")
                      + "</Condition></Error>")
                  .getBytes(StandardCharsets.UTF_8);
          out.write(
              ("HTTP/1.1 412 Precondition Failed\r\nContent-Type: application/xml\r\n"
                      + "Content-Length: " + error.length + "\r\nConnection: close\r\n\r\n")
                  .getBytes(StandardCharsets.US_ASCII));
          out.write(error);
          out.flush();
          return null;
        }
        forward(forwarded, body, out);
      }
    }
    return null;
  }

  private void forward(List<String> head, byte[] body, OutputStream out) throws IOException {
    try (Socket upstream = new Socket(backend.getHost(), backend.getPort())) {
      OutputStream up = upstream.getOutputStream();
      up.write((String.join("\r\n", head) + "\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
      up.write(body);
      up.flush();
      upstream.getInputStream().transferTo(out);
      out.flush();
    }
  }

  /** The request line and headers, up to the empty line; empty when the client sent nothing. */
  private static List<String> readHead(InputStream in) throws IOException {
    List<String> lines = new ArrayList<>();
    ByteArrayOutputStream line = new ByteArrayOutputStream();
    int previous = -1;
    for (int b = in.read(); b >= 0; b = in.read()) {
      if (previous == '\r' && b == '\n') {
        byte[] bytes = line.toByteArray();
        String text = new String(bytes, 0, bytes.length - 1, StandardCharsets.ISO_8859_1);
        if (text.isEmpty()) {
          return lines;
        }
        lines.add(text);
        line.reset();
        previous = -1;
        continue;
      }
      line.write(b);
      previous = b;
    }
    return lines;
  }

  private static String unquoted(String etag) {
    return etag == null ? null : etag.replace("\"", "");
  }

  @Override
  public void close() throws IOException {
    server.close();
    threads.shutdownNow();
  }
}

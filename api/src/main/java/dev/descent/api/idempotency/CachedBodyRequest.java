package dev.descent.api.idempotency;

import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.SequenceInputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;

/**
 * A request whose body was read ahead, up to a limit, so that it can be hashed before the handler reads it; the
 * handler reads the same bytes (and, past the limit, the rest of the original stream).
 */
final class CachedBodyRequest extends HttpServletRequestWrapper {
  private final byte[] head;
  private final boolean overLimit;
  private final InputStream rest;

  private CachedBodyRequest(HttpServletRequest request, byte[] head, boolean overLimit) throws IOException {
    super(request);
    this.head = head;
    this.overLimit = overLimit;
    this.rest = overLimit ? request.getInputStream() : InputStream.nullInputStream();
  }

  /** Reads up to {@code limit + 1} bytes of the body ahead. */
  static CachedBodyRequest of(HttpServletRequest request, int limit) throws IOException {
    byte[] head = request.getInputStream().readNBytes(limit + 1);
    return new CachedBodyRequest(request, head, head.length > limit);
  }

  /** The whole body; meaningful only when not {@link #overLimit()}. */
  byte[] body() {
    return head;
  }

  /** Whether the body is longer than the limit (it is then not idempotent: the body limit answers 413). */
  boolean overLimit() {
    return overLimit;
  }

  @Override
  public ServletInputStream getInputStream() {
    InputStream in = new SequenceInputStream(new ByteArrayInputStream(head), rest);
    return new ServletInputStream() {
      private boolean finished;

      @Override
      public int read() throws IOException {
        int b = in.read();
        finished = b < 0;
        return b;
      }

      @Override
      public int read(byte[] buffer, int offset, int length) throws IOException {
        int n = in.read(buffer, offset, length);
        finished = n < 0;
        return n;
      }

      @Override
      public boolean isFinished() {
        return finished;
      }

      @Override
      public boolean isReady() {
        return true;
      }

      @Override
      public void setReadListener(ReadListener listener) {
        throw new UnsupportedOperationException("a cached body is read blocking");
      }
    };
  }

  @Override
  public BufferedReader getReader() {
    String encoding = getCharacterEncoding();
    Charset charset = encoding == null ? StandardCharsets.UTF_8 : Charset.forName(encoding);
    return new BufferedReader(new InputStreamReader(getInputStream(), charset));
  }
}

package dev.descent.api.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.InputStreamResource;
import org.springframework.core.io.Resource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpInputMessage;
import org.springframework.http.MediaType;

/** Uploads are read as the request's own stream, never copied into memory first; the reader writes nothing. */
class StreamingUploadReaderTests {
  @Test
  void anOctetStreamBodyIsHandedOverAsTheRequestStreamItself() throws Exception {
    InputStream body = new ByteArrayInputStream(new byte[] {1, 2, 3});
    HttpInputMessage message = new HttpInputMessage() {
      @Override
      public InputStream getBody() {
        return body;
      }

      @Override
      public HttpHeaders getHeaders() {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_OCTET_STREAM);
        return headers;
      }
    };
    StreamingUploadReader reader = new StreamingUploadReader();

    assertThat(reader.canRead(Resource.class, MediaType.APPLICATION_OCTET_STREAM)).isTrue();
    assertThat(reader.canRead(Resource.class, null)).isTrue();
    assertThat(reader.canWrite(Resource.class, MediaType.APPLICATION_OCTET_STREAM)).isFalse();
    Resource resource = reader.read(Resource.class, message);
    assertThat(resource).isInstanceOf(InputStreamResource.class);
    assertThat(resource.getInputStream()).isSameAs(body);
  }
}

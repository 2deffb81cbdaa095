package dev.descent.api.web;

import java.io.IOException;
import org.springframework.core.io.InputStreamResource;
import org.springframework.core.io.Resource;
import org.springframework.http.HttpInputMessage;
import org.springframework.http.HttpOutputMessage;
import org.springframework.http.MediaType;
import org.springframework.http.converter.AbstractHttpMessageConverter;

/**
 * Reads an {@code application/octet-stream} request body declared as {@link Resource} (what the generated upload
 * interface takes) as a stream over the request, where Spring's own converter would copy it into a byte array
 * first. Reads only; responses still go through Spring's converters.
 */
final class StreamingUploadReader extends AbstractHttpMessageConverter<Resource> {
  StreamingUploadReader() {
    super(MediaType.APPLICATION_OCTET_STREAM);
  }

  @Override
  protected boolean supports(Class<?> clazz) {
    return Resource.class == clazz;
  }

  @Override
  public boolean canWrite(Class<?> clazz, MediaType mediaType) {
    return false;
  }

  @Override
  protected Resource readInternal(Class<? extends Resource> clazz, HttpInputMessage input) throws IOException {
    return new InputStreamResource(input.getBody());
  }

  @Override
  protected void writeInternal(Resource resource, HttpOutputMessage output) {
    throw new UnsupportedOperationException("reads only");
  }
}

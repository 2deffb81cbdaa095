package dev.descent.api.web;

import java.util.List;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.converter.HttpMessageConverter;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/** Puts {@link StreamingUploadReader} first, so that uploads stream to disk instead of into memory. */
@Configuration(proxyBeanMethods = false)
class UploadWebConfiguration implements WebMvcConfigurer {
  @Override
  public void extendMessageConverters(List<HttpMessageConverter<?>> converters) {
    converters.add(0, new StreamingUploadReader());
  }
}

package dev.descent.api.web;

import org.apache.catalina.Valve;
import org.apache.catalina.core.StandardHost;
import org.apache.catalina.valves.ErrorReportValve;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.core.Ordered;
import org.springframework.stereotype.Component;

/**
 * Puts {@link ProblemErrorReportValve} in the Tomcat host's pipeline in place of every other
 * {@link ErrorReportValve} (Spring Boot adds one of its own): the only error report left is a problem document.
 * Runs last, so that it sees the valves the other customizers add; the host is told the valve's class, so that it
 * does not add Tomcat's own when it starts.
 */
@Component
class ContainerErrorConfiguration implements WebServerFactoryCustomizer<TomcatServletWebServerFactory>, Ordered {
  @Override
  public void customize(TomcatServletWebServerFactory factory) {
    factory.addContextCustomizers(context -> {
      if (context.getParent() instanceof StandardHost host) {
        host.setErrorReportValveClass(ProblemErrorReportValve.class.getName());
      }
      var pipeline = context.getParent().getPipeline();
      for (Valve valve : pipeline.getValves()) {
        if (valve instanceof ErrorReportValve) {
          pipeline.removeValve(valve);
        }
      }
      pipeline.addValve(new ProblemErrorReportValve());
    });
  }

  @Override
  public int getOrder() {
    return Ordered.LOWEST_PRECEDENCE;
  }
}

package org.relief.fhir.server;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.rest.api.EncodingEnum;
import ca.uhn.fhir.rest.server.IResourceProvider;
import ca.uhn.fhir.rest.server.RestfulServer;
import java.util.List;
import org.relief.audit.AuditTrail;
import org.relief.fhir.FhirScopes;
import org.relief.fhir.SearchPage;
import org.springframework.boot.web.servlet.ServletRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * HAPI FHIR's {@link RestfulServer} registered as a servlet at {@code /fhir/*}, with every {@link
 * IResourceProvider} bean the modules declare. The servlet starts with the application so that a
 * provider HAPI cannot bind fails the start, not the first request.
 */
@Configuration(proxyBeanMethods = false)
class FhirServerConfiguration {

  /** Building the R4 model context takes a moment; one is shared by the whole application. */
  @Bean
  FhirContext fhirContext() {
    return FhirContext.forR4Cached();
  }

  @Bean
  ServletRegistrationBean<RestfulServer> fhirServlet(
      FhirContext fhir,
      List<IResourceProvider> providers,
      FhirScopes scopes,
      AuditTrail audit,
      PlatformTransactionManager transactions) {
    RestfulServer server = new RestfulServer(fhir);
    server.setResourceProviders(List.copyOf(providers));
    server.registerProvider(new BundleProvider(fhir, providers, scopes, audit, transactions));
    server.setDefaultResponseEncoding(EncodingEnum.JSON);
    server.setDefaultPageSize(SearchPage.DEFAULT_SIZE);
    server.setMaximumPageSize(SearchPage.LARGEST_SIZE);
    server.setServerName("Relief");
    server.setImplementationDescription("Relief FHIR R4 API");
    server.registerInterceptor(new ScopeInterceptor(scopes));
    server.registerInterceptor(new OperationOutcomeErrors());
    server.registerInterceptor(new UnsupportedInteractions());
    server.registerInterceptor(new SecurityInCapabilityStatement());
    ServletRegistrationBean<RestfulServer> registration =
        new ServletRegistrationBean<>(server, "/fhir/*");
    registration.setName("fhir");
    registration.setLoadOnStartup(1);
    return registration;
  }
}

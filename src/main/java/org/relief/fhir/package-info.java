/**
 * FHIR R4 API: HAPI FHIR's {@code RestfulServer} at {@code /fhir/*} on Relief's own storage. This
 * module holds the servlet, the interceptors (SMART scopes per resource type and interaction, error
 * mapping to {@code OperationOutcome}) and the CapabilityStatement; the resource providers live in
 * the modules that own the data, in their {@code ...fhir} sub-packages, and are found as {@link
 * ca.uhn.fhir.rest.server.IResourceProvider} beans.
 */
@org.springframework.modulith.ApplicationModule(displayName = "FHIR API")
package org.relief.fhir;

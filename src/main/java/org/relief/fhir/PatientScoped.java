package org.relief.fhir;

/**
 * A resource provider that keeps {@code patient/} scoped tokens inside their patient's compartment
 * (reads, searches and writes of that patient's resources only, see {@link
 * FhirScopes#compartment}). Only for the types of such providers do {@code patient/} scopes count;
 * elsewhere a token needs {@code system/} scopes.
 */
public interface PatientScoped {

  /** The FHIR resource type the provider serves ({@code QuestionnaireResponse}). */
  String resourceType();
}

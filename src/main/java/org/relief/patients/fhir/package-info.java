/**
 * FHIR R4 resources of the patients module. Other modules' providers use {@link
 * org.relief.patients.fhir.PatientResourceProvider#read} to bring a Patient into a search result
 * ({@code _include}), so the read is checked and audited in one place.
 */
@org.springframework.modulith.NamedInterface("fhir")
package org.relief.patients.fhir;

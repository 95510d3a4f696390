package org.relief.support;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.context.support.DefaultProfileValidationSupport;
import ca.uhn.fhir.validation.FhirValidator;
import ca.uhn.fhir.validation.ResultSeverityEnum;
import ca.uhn.fhir.validation.SingleValidationMessage;
import java.util.List;
import org.hl7.fhir.common.hapi.validation.support.CommonCodeSystemsTerminologyService;
import org.hl7.fhir.common.hapi.validation.support.InMemoryTerminologyServerValidationSupport;
import org.hl7.fhir.common.hapi.validation.support.ValidationSupportChain;
import org.hl7.fhir.common.hapi.validation.validator.FhirInstanceValidator;

/**
 * The HAPI FHIR 8.8.1 instance validator against base R4, built once per test JVM (it takes a few
 * seconds). Every FHIR resource Relief emits must come out of it without errors.
 */
public final class FhirValidation {

  private static FhirValidator validator;

  private FhirValidation() {}

  /** The error and fatal messages for a resource in JSON; empty when it is valid R4. */
  public static synchronized List<String> errors(String json) {
    if (validator == null) {
      FhirContext context = FhirContext.forR4();
      ValidationSupportChain chain =
          new ValidationSupportChain(
              new DefaultProfileValidationSupport(context),
              new InMemoryTerminologyServerValidationSupport(context),
              new CommonCodeSystemsTerminologyService(context));
      validator = context.newValidator();
      validator.registerValidatorModule(new FhirInstanceValidator(chain));
    }
    return validator.validateWithResult(json).getMessages().stream()
        .filter(
            m ->
                m.getSeverity() == ResultSeverityEnum.ERROR
                    || m.getSeverity() == ResultSeverityEnum.FATAL)
        .map(SingleValidationMessage::toString)
        .toList();
  }
}

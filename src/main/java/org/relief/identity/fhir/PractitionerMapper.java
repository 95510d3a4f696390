package org.relief.identity.fhir;

import java.util.Locale;
import java.util.Set;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.Organization;
import org.hl7.fhir.r4.model.Practitioner;
import org.relief.identity.UserAccount;
import org.relief.platform.Role;

/**
 * A clinician's account as a FHIR R4 {@code Practitioner} and the practice as an {@code
 * Organization}. Pure. Only the display name, whether the account is active, and the clinical roles
 * are shown: never the username (a sign-in name) nor anything about sign-in. Relief stores no NPI,
 * so the only identifier is Relief's own.
 */
public final class PractitionerMapper {

  public static final String STAFF = "https://relief.health/fhir/sid/staff";
  public static final String ROLES = "https://relief.health/fhir/CodeSystem/role";
  public static final String PRACTICE_SYSTEM = "https://relief.health/fhir/sid/practice";

  /** The practice's one Organization. */
  public static final String PRACTICE_ID = "practice";

  /** The roles that make an account a practitioner. */
  static final Set<Role> CLINICAL = Set.of(Role.PAIN_PHYSICIAN, Role.SURGEON, Role.NURSE);

  private PractitionerMapper() {}

  static boolean clinician(UserAccount account) {
    return account.roles().stream().anyMatch(CLINICAL::contains);
  }

  static Practitioner toFhir(UserAccount a) {
    Practitioner p = new Practitioner();
    p.setId(new IdType("Practitioner", Long.toString(a.id())));
    p.addIdentifier().setSystem(STAFF).setValue(Long.toString(a.id()));
    p.setActive(a.enabled());
    p.addName().setText(a.displayName());
    a.roles().stream()
        .filter(CLINICAL::contains)
        .sorted()
        .forEach(
            r ->
                p.addQualification()
                    .setCode(
                        new CodeableConcept(new Coding(ROLES, code(r), label(r)))
                            .setText(label(r))));
    return p;
  }

  static Organization practice(String name) {
    Organization o = new Organization();
    o.setId(new IdType("Organization", PRACTICE_ID));
    o.addIdentifier().setSystem(PRACTICE_SYSTEM).setValue(PRACTICE_ID);
    o.setActive(true);
    o.setName(name);
    o.addType(
        new CodeableConcept(
            new Coding(
                "http://terminology.hl7.org/CodeSystem/organization-type",
                "prov",
                "Healthcare Provider")));
    return o;
  }

  static String code(Role r) {
    return r.name().toLowerCase(Locale.ROOT).replace('_', '-');
  }

  static String label(Role r) {
    return switch (r) {
      case PAIN_PHYSICIAN -> "Pain physician";
      case SURGEON -> "Surgeon";
      case NURSE -> "Nurse";
      default -> r.name();
    };
  }
}

package org.relief.identity.fhir;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import org.hl7.fhir.r4.model.Practitioner;
import org.junit.jupiter.api.Test;
import org.relief.identity.UserAccount;
import org.relief.platform.Role;

class PractitionerMapperTest {

  @Test
  void onlyClinicalRolesMakeAPractitionerAndOnlyThoseAreShown() {
    UserAccount both =
        new UserAccount(
            4,
            "sign-in-name",
            "Dr Both",
            Set.of(Role.SURGEON, Role.PRACTICE_ADMIN),
            false,
            null,
            null);
    UserAccount desk =
        new UserAccount(5, "desk", "Desk", Set.of(Role.FRONT_DESK), true, null, null);
    assertThat(PractitionerMapper.clinician(both)).isTrue();
    assertThat(PractitionerMapper.clinician(desk)).isFalse();
    Practitioner p = PractitionerMapper.toFhir(both);
    assertThat(p.getActive()).isFalse();
    assertThat(p.getQualification())
        .extracting(q -> q.getCode().getCodingFirstRep().getCode())
        .containsExactly("surgeon");
    assertThat(p.getIdentifierFirstRep().getValue()).isEqualTo("4");
  }
}

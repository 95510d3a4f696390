package org.relief.careers.specialists;

import java.time.LocalDate;
import java.util.List;
import org.relief.careers.jobs.PainTaxonomy;

/** A specialist's profile and credential wallet, one per account. */
public record SpecialistProfile(
    long userId,
    String npi,
    PainTaxonomy taxonomy,
    String homeState,
    String fellowship,
    Integer fellowshipYear,
    LocalDate caqhAttestedOn,
    List<Licence> licences,
    List<Registration> registrations,
    List<BoardCertification> boards,
    List<CmeCredit> cme,
    List<CmeRequirement> cmeRequirements,
    Preferences preferences) {

  /** The licence that lets the specialist practise in {@code state} on {@code day}, if any. */
  public boolean licensedIn(String state, LocalDate day) {
    return licences.stream().anyMatch(l -> l.state().equals(state) && l.practisingOn(day));
  }

  public boolean registered(RegistrationKind kind, String state, LocalDate day) {
    return registrations.stream()
        .anyMatch(r -> r.kind() == kind && r.state().equals(state) && r.currentOn(day));
  }
}

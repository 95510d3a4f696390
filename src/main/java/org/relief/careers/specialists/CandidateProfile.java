package org.relief.careers.specialists;

import java.time.LocalDate;
import java.util.List;
import org.relief.careers.jobs.PainTaxonomy;

/**
 * A specialist's profile as an employer sees it. It has no field for the private preferences, so no
 * employer page can show them by mistake.
 */
public record CandidateProfile(
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
    List<CmeCredit> cme) {

  static CandidateProfile of(SpecialistProfile p) {
    return new CandidateProfile(
        p.userId(),
        p.npi(),
        p.taxonomy(),
        p.homeState(),
        p.fellowship(),
        p.fellowshipYear(),
        p.caqhAttestedOn(),
        p.licences(),
        p.registrations(),
        p.boards(),
        p.cme());
  }
}

package org.relief.careers.specialists;

import java.time.LocalDate;
import org.relief.careers.jobs.PainTaxonomy;

/** The single-valued part of a profile, as the specialist edits it. */
public record ProfileBasics(
    String npi,
    PainTaxonomy taxonomy,
    String homeState,
    String fellowship,
    Integer fellowshipYear,
    LocalDate caqhAttestedOn) {}

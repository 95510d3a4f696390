package org.relief.careers.jobs;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;

/** What a recruiter writes in a posting (careers.md, "Job"). */
public record JobDetails(
    String title,
    String summary,
    PainTaxonomy taxonomy,
    PracticeSetting setting,
    EmploymentModel employmentModel,
    List<JobSite> sites,
    List<String> licenceStates,
    boolean imlcAccepted,
    Set<Board> acceptedBoards,
    List<ProcedureRequirement> procedures,
    BigDecimal procedureDaysPerWeek,
    BigDecimal clinicDaysPerWeek,
    Integer callNightsPerMonth,
    String callNotes,
    Set<FacilityAsset> facilityAssets,
    String appSupport,
    Compensation compensation,
    String nonCompete,
    boolean visaSponsorship,
    String startWindow,
    HiringVia hiringVia,
    LocalDate validThrough) {

  public List<ProcedureRequirement> required() {
    return procedures.stream().filter(p -> p.requirement() == Requirement.REQUIRED).toList();
  }

  public List<ProcedureRequirement> desired() {
    return procedures.stream().filter(p -> p.requirement() == Requirement.DESIRED).toList();
  }
}

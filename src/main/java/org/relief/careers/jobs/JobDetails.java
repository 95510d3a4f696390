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
    LocalDate validThrough,
    boolean telemedicine) {
  /** The same details with the sites placed on the map (or not) by {@code sites}. */
  JobDetails withSites(List<JobSite> placed) {
    return new JobDetails(
        title,
        summary,
        taxonomy,
        setting,
        employmentModel,
        placed,
        licenceStates,
        imlcAccepted,
        acceptedBoards,
        procedures,
        procedureDaysPerWeek,
        clinicDaysPerWeek,
        callNightsPerMonth,
        callNotes,
        facilityAssets,
        appSupport,
        compensation,
        nonCompete,
        visaSponsorship,
        startWindow,
        hiringVia,
        validThrough,
        telemedicine);
  }

  /** Call as "1 in N nights" over a 30-night month, or null when call is not stated or none. */
  public Integer callOneIn() {
    if (callNightsPerMonth == null || callNightsPerMonth == 0) {
      return null;
    }
    return Math.max(1, Math.round((float) JobSearch.CALL_MONTH_NIGHTS / callNightsPerMonth));
  }

  public List<ProcedureRequirement> required() {
    return procedures.stream().filter(p -> p.requirement() == Requirement.REQUIRED).toList();
  }

  public List<ProcedureRequirement> desired() {
    return procedures.stream().filter(p -> p.requirement() == Requirement.DESIRED).toList();
  }
}

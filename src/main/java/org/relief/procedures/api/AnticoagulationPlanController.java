package org.relief.procedures.api;

import java.time.LocalDate;
import java.util.List;
import org.relief.procedures.AnticoagulationPlan;
import org.relief.procedures.AnticoagulationPlanner;
import org.relief.procedures.MedicationTaken;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /api/v1/anticoagulation/plan}: what ASRA 2018 suggests for each of a patient's drugs
 * before a procedure (clinical-rules.md §1).
 */
@RestController
class AnticoagulationPlanController {

  record PlanRequest(
      String procedure,
      LocalDate procedureDate,
      Boolean highBleedingRisk,
      List<Medication> medications) {}

  record Medication(String drug, String regimen) {}

  private final AnticoagulationPlanner planner;

  AnticoagulationPlanController(AnticoagulationPlanner planner) {
    this.planner = planner;
  }

  @PostMapping(path = "/api/v1/anticoagulation/plan", consumes = MediaType.APPLICATION_JSON_VALUE)
  AnticoagulationPlan plan(@RequestBody PlanRequest request) {
    List<MedicationTaken> medications =
        request.medications() == null
            ? null
            : request.medications().stream()
                .map(m -> m == null ? null : new MedicationTaken(m.drug(), m.regimen()))
                .toList();
    return planner.plan(
        request.procedure(), request.procedureDate(), request.highBleedingRisk(), medications);
  }

  /** A body that is not JSON, or not this JSON, is answered without the parser's words. */
  @ExceptionHandler(HttpMessageNotReadableException.class)
  ResponseEntity<ProblemDetail> unreadable() {
    ProblemDetail problem =
        ProblemDetail.forStatusAndDetail(
            HttpStatus.BAD_REQUEST,
            "The request body is not valid JSON of the expected shape: send {\"procedure\":"
                + " \"lumbar-tfesi\", \"procedureDate\": \"2026-12-01\", \"highBleedingRisk\":"
                + " false, \"medications\": [{\"drug\": \"apixaban\"}]} with the date as"
                + " YYYY-MM-DD and highBleedingRisk as true or false.");
    problem.setProperty("code", "malformed-request");
    return ResponseEntity.badRequest()
        .contentType(MediaType.APPLICATION_PROBLEM_JSON)
        .body(problem);
  }
}

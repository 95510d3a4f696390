package org.relief.outcomes.web;

import org.relief.outcomes.InvalidParameter;
import org.relief.outcomes.analytics.PracticeAnalytics;
import org.relief.outcomes.analytics.PracticeAnalytics.Responders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/v1/outcomes/responders?procedure=lumbar-rfa&timepoint=P3M&threshold=50}: the
 * responder rate of one procedure type at one follow-up time point with its Wilson 95 % interval
 * and the completeness it rests on; {@code from} and {@code to} (procedure dates, YYYY-MM-DD)
 * narrow the period.
 */
@RestController
class RespondersApiController {

  private final PracticeAnalytics analytics;

  RespondersApiController(PracticeAnalytics analytics) {
    this.analytics = analytics;
  }

  @GetMapping(path = "/api/v1/outcomes/responders", produces = MediaType.APPLICATION_JSON_VALUE)
  Responders responders(
      @RequestParam(value = "procedure", required = false) String procedure,
      @RequestParam(value = "timepoint", required = false) String timepoint,
      @RequestParam(value = "threshold", required = false) String threshold,
      @RequestParam(value = "from", required = false) String from,
      @RequestParam(value = "to", required = false) String to) {
    return analytics.responders(procedure, timepoint, threshold, from, to);
  }

  /** A 422 that names the parameter, so that a script can say which one to fix. */
  @ExceptionHandler(InvalidParameter.class)
  ResponseEntity<ProblemDetail> invalid(InvalidParameter e) {
    ProblemDetail problem =
        ProblemDetail.forStatusAndDetail(HttpStatus.UNPROCESSABLE_CONTENT, e.getMessage());
    problem.setProperty("code", e.code());
    problem.setProperty("parameter", e.parameter());
    return ResponseEntity.status(HttpStatus.UNPROCESSABLE_CONTENT)
        .contentType(MediaType.APPLICATION_PROBLEM_JSON)
        .body(problem);
  }
}

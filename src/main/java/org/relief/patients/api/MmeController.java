package org.relief.patients.api;

import java.math.BigDecimal;
import java.util.List;
import org.relief.patients.MmeCalculation;
import org.relief.patients.MmeCalculator;
import org.relief.patients.OpioidDose;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** {@code POST /api/v1/opioids/mme}: total daily MME of a list of opioids, with guidance. */
@RestController
class MmeController {

  record MmeRequest(List<Medication> medications) {}

  record Medication(String drug, BigDecimal dose, String unit) {}

  private final MmeCalculator calculator;

  MmeController(MmeCalculator calculator) {
    this.calculator = calculator;
  }

  @PostMapping(path = "/api/v1/opioids/mme", consumes = MediaType.APPLICATION_JSON_VALUE)
  MmeCalculation calculate(@RequestBody MmeRequest request) {
    List<OpioidDose> doses =
        request.medications() == null
            ? List.of()
            : request.medications().stream()
                .map(m -> m == null ? null : new OpioidDose(m.drug(), m.dose(), m.unit()))
                .toList();
    return calculator.calculate(doses);
  }

  /** A body that is not JSON, or not this JSON, is answered without the parser's words. */
  @ExceptionHandler(HttpMessageNotReadableException.class)
  ResponseEntity<ProblemDetail> unreadable() {
    ProblemDetail problem =
        ProblemDetail.forStatusAndDetail(
            HttpStatus.BAD_REQUEST,
            "The request body is not valid JSON of the expected shape: send"
                + " {\"medications\": [{\"drug\": \"oxycodone\", \"dose\": 40, \"unit\": \"mg/day\"}]}"
                + " with dose as a number.");
    problem.setProperty("code", "malformed-request");
    return ResponseEntity.badRequest()
        .contentType(MediaType.APPLICATION_PROBLEM_JSON)
        .body(problem);
  }
}

package org.relief.assessments.api;

import java.util.List;
import java.util.Map;
import org.relief.assessments.Instrument;
import org.relief.assessments.Instruments;
import org.relief.assessments.Score;
import org.relief.assessments.ScoringContext;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** The instrument library over the API: definitions, and scoring of answers sent in. */
@RestController
class InstrumentsController {

  /**
   * Answers keyed by item; values are taken as JSON gives them so that a value that is not a whole
   * number is refused naming its item. {@code sex} is needed by the ORT only.
   */
  record ScoreRequest(Map<String, Object> answers, String sex) {}

  private final Instruments instruments;

  InstrumentsController(Instruments instruments) {
    this.instruments = instruments;
  }

  @GetMapping("/api/v1/instruments")
  List<Instrument> list() {
    return instruments.definitions();
  }

  @PostMapping("/api/v1/instruments/{code}/score")
  Score score(@PathVariable String code, @RequestBody ScoreRequest request) {
    return instruments.score(code, request.answers(), new ScoringContext(request.sex()));
  }

  @ExceptionHandler(HttpMessageNotReadableException.class)
  ResponseEntity<ProblemDetail> unreadable(HttpMessageNotReadableException e) {
    ProblemDetail problem =
        ProblemDetail.forStatusAndDetail(
            HttpStatus.BAD_REQUEST,
            "The body must be a JSON object like {\"answers\": {\"1\": 3, \"2\": 0}}, with"
                + " \"sex\": \"female\" or \"male\" beside the answers for the ORT.");
    problem.setProperty("code", "unreadable-body");
    return ResponseEntity.badRequest()
        .contentType(MediaType.APPLICATION_PROBLEM_JSON)
        .body(problem);
  }
}

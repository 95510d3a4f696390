package org.relief.platform.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.relief.platform.NotFound;
import org.relief.platform.RuleViolation;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.servlet.ModelAndView;

/**
 * Turns Relief's own exceptions into answers: a problem+json body for the API, an error page for
 * people. Only our messages, written for clinicians, are shown; never exception text.
 */
@RestControllerAdvice
class ErrorAdvice {

  @ExceptionHandler(RuleViolation.class)
  Object ruleViolation(RuleViolation e, HttpServletRequest request, HttpServletResponse response) {
    return answer(HttpStatus.UNPROCESSABLE_CONTENT, e.code(), e.getMessage(), request, response);
  }

  @ExceptionHandler(NotFound.class)
  Object notFound(NotFound e, HttpServletRequest request, HttpServletResponse response) {
    return answer(HttpStatus.NOT_FOUND, "not-found", e.getMessage(), request, response);
  }

  private Object answer(
      HttpStatus status,
      String code,
      String message,
      HttpServletRequest request,
      HttpServletResponse response) {
    if (request.getRequestURI().startsWith(request.getContextPath() + "/api/")) {
      ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, message);
      problem.setProperty("code", code);
      return ResponseEntity.status(status)
          .contentType(MediaType.APPLICATION_PROBLEM_JSON)
          .body(problem);
    }
    response.setStatus(status.value());
    ModelAndView page = new ModelAndView("error/problem");
    page.setStatus(status);
    page.addObject("status", status.value());
    page.addObject("message", message);
    return page;
  }
}

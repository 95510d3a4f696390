package org.relief.careers.outreach;

import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.servlet.ModelAndView;

/** A recruiter acting on another organisation's posting gets 403 and the reason. */
@ControllerAdvice(basePackageClasses = OutreachErrors.class)
class OutreachErrors {

  @ExceptionHandler(OutreachRefused.class)
  ModelAndView refused(OutreachRefused e, HttpServletResponse response) {
    response.setStatus(HttpStatus.FORBIDDEN.value());
    ModelAndView page = new ModelAndView("error/problem");
    page.setStatus(HttpStatus.FORBIDDEN);
    page.addObject("status", HttpStatus.FORBIDDEN.value());
    page.addObject("message", e.getMessage());
    return page;
  }
}

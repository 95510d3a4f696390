package org.relief.assessments.questionnaires;

import jakarta.servlet.http.HttpServletResponse;
import org.relief.assessments.questionnaires.LinkRateLimiter.LinkRateLimited;
import org.relief.assessments.questionnaires.QuestionnaireLinks.Link;
import org.relief.assessments.questionnaires.QuestionnaireLinks.State;
import org.relief.platform.RuleViolation;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;

/**
 * The patient's side of a link: one question per screen, each answer stored as it is given, then a
 * review and submission. Plain links and forms; no script needed.
 */
@Controller
class PatientLinkController {

  private final QuestionnaireLinks links;

  PatientLinkController(QuestionnaireLinks links) {
    this.links = links;
  }

  @GetMapping("/q/{token}")
  String start(@PathVariable String token, Model model, HttpServletResponse response) {
    Link link = links.open(token);
    if (link.state() != State.OPEN) {
      return closed(link, response);
    }
    if (link.answeredCount() > 0) {
      return next(token, link);
    }
    model.addAttribute("token", token);
    model.addAttribute("total", link.questions().size());
    model.addAttribute("parts", link.questions().get(link.questions().size() - 1).parts());
    return "assessments/link/welcome";
  }

  @GetMapping("/q/{token}/{number:\\d{1,3}}")
  String question(
      @PathVariable String token,
      @PathVariable int number,
      Model model,
      HttpServletResponse response) {
    Link link = links.open(token);
    if (link.state() != State.OPEN) {
      return closed(link, response);
    }
    Question question = link.question(number);
    model.addAttribute("token", token);
    model.addAttribute("q", question);
    model.addAttribute("choices", AnswerChoices.of(question.instrument(), question.item()));
    model.addAttribute("answered", link.answered(question));
    model.addAttribute("current", link.answerTo(question));
    return "assessments/link/question";
  }

  @PostMapping("/q/{token}/{number:\\d{1,3}}")
  String answer(
      @PathVariable String token,
      @PathVariable int number,
      @RequestParam(value = "answer", required = false) String answer,
      HttpServletResponse response) {
    Integer value = null;
    if (answer == null || (!answer.equals("skip") && !answer.matches("\\d{1,3}"))) {
      throw new RuleViolation("no-answer", "Choose one of the answers, or skip the question.");
    }
    if (!answer.equals("skip")) {
      value = Integer.valueOf(answer);
    }
    Link link = links.answer(token, number, value);
    if (link.state() != State.OPEN) {
      return closed(link, response);
    }
    return next(token, link);
  }

  @GetMapping("/q/{token}/review")
  String review(@PathVariable String token, Model model, HttpServletResponse response) {
    Link link = links.open(token);
    if (link.state() != State.OPEN) {
      return closed(link, response);
    }
    model.addAttribute("token", token);
    model.addAttribute("link", link);
    model.addAttribute("missing", link.questions().size() - link.answeredCount());
    return "assessments/link/review";
  }

  @PostMapping("/q/{token}/submit")
  String submit(@PathVariable String token, HttpServletResponse response) {
    Link before = links.open(token);
    if (before.state() != State.OPEN) {
      return closed(before, response);
    }
    Link after = links.submit(token);
    if (after.state() == State.UNUSABLE) {
      return closed(after, response);
    }
    return "assessments/link/thanks";
  }

  @ExceptionHandler(LinkRateLimited.class)
  @ResponseStatus(HttpStatus.TOO_MANY_REQUESTS)
  String tooMany(HttpServletResponse response) {
    response.setHeader("Retry-After", "60");
    return "assessments/link/too-many";
  }

  @ExceptionHandler(RuleViolation.class)
  @ResponseStatus(HttpStatus.UNPROCESSABLE_CONTENT)
  String refused(RuleViolation e, Model model) {
    model.addAttribute("message", e.getMessage());
    return "assessments/link/refused";
  }

  private static String next(String token, Link link) {
    int next = link.firstUnanswered();
    return next == 0 ? "redirect:/q/" + token + "/review" : "redirect:/q/" + token + "/" + next;
  }

  private static String closed(Link link, HttpServletResponse response) {
    if (link.state() == State.SPENT) {
      response.setStatus(HttpStatus.GONE.value());
      return "assessments/link/thanks";
    }
    response.setStatus(HttpStatus.NOT_FOUND.value());
    return "assessments/link/unusable";
  }
}

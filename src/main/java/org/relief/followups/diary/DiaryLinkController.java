package org.relief.followups.diary;

import jakarta.servlet.http.HttpServletResponse;
import java.util.Map;
import java.util.Optional;
import org.relief.followups.BlockDiary;
import org.relief.followups.diary.DiaryRepository.StoredDiary;
import org.relief.platform.RuleViolation;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The patient's diary page: % relief at each time, saved as often as they like. */
@Controller
class DiaryLinkController {

  private final DiaryKeeper keeper;
  private final DiaryRepository repository;

  DiaryLinkController(DiaryKeeper keeper, DiaryRepository repository) {
    this.keeper = keeper;
    this.repository = repository;
  }

  @GetMapping("/diary/{token}")
  String diary(@PathVariable String token, Model model, HttpServletResponse response) {
    Optional<StoredDiary> diary = keeper.byLink(token);
    if (diary.isEmpty()) {
      return unusable(response);
    }
    return page(model, token, diary.get(), Map.of(), null, false);
  }

  @PostMapping("/diary/{token}")
  String record(
      @PathVariable String token,
      @RequestParam Map<String, String> form,
      Model model,
      HttpServletResponse response) {
    Optional<StoredDiary> diary = keeper.byLink(token);
    if (diary.isEmpty()) {
      return unusable(response);
    }
    Map<Integer, String> typed = DiaryController.marks(form);
    try {
      keeper.record(diary.get(), typed, "patient");
      return page(model, token, diary.get(), Map.of(), null, true);
    } catch (RuleViolation e) {
      response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
      return page(model, token, diary.get(), typed, e.getMessage(), false);
    }
  }

  private String page(
      Model model,
      String token,
      StoredDiary diary,
      Map<Integer, String> typed,
      String error,
      boolean saved) {
    model.addAttribute("token", token);
    model.addAttribute("marks", BlockDiary.MARKS);
    model.addAttribute("labels", BlockDiary.MARK_LABELS);
    model.addAttribute("entries", repository.entries(diary.id()));
    model.addAttribute("typed", typed);
    model.addAttribute("error", error);
    model.addAttribute("saved", saved);
    return "followups/link/diary";
  }

  private static String unusable(HttpServletResponse response) {
    response.setStatus(HttpStatus.NOT_FOUND.value());
    return "followups/link/unusable";
  }
}

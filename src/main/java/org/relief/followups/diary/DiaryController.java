package org.relief.followups.diary;

import jakarta.servlet.http.HttpServletResponse;
import java.time.Clock;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import org.relief.followups.BlockDiaries;
import org.relief.followups.BlockDiary;
import org.relief.followups.diary.DiaryRepository.StoredDiary;
import org.relief.followups.schedule.FollowUpSettings;
import org.relief.patients.PatientRegistry;
import org.relief.platform.NotFound;
import org.relief.platform.PracticeSettings;
import org.relief.platform.RuleViolation;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * Relief diaries for staff: the recent ones, and one diary with its peak, duration against the
 * anaesthetic and the patient's medial branch block pairs; paper diaries are typed in here.
 */
@Controller
class DiaryController {

  private final DiaryKeeper keeper;
  private final DiaryRepository repository;
  private final BlockDiaries diaries;
  private final PatientRegistry patients;
  private final FollowUpSettings settings;
  private final Clock clock;
  private final PracticeSettings practice;

  DiaryController(
      DiaryKeeper keeper,
      DiaryRepository repository,
      BlockDiaries diaries,
      PatientRegistry patients,
      FollowUpSettings settings,
      Clock clock,
      PracticeSettings practice) {
    this.keeper = keeper;
    this.repository = repository;
    this.diaries = diaries;
    this.patients = patients;
    this.settings = settings;
    this.clock = clock;
    this.practice = practice;
  }

  @GetMapping("/followups/diaries")
  String recent(Model model) {
    LocalDate since = practice.today(clock).minusDays(60);
    model.addAttribute(
        "diaries",
        repository.recent(since).stream()
            .map(d -> diaries.forProcedure(d.procedureId()).orElseThrow())
            .toList());
    model.addAttribute("activeNav", "followups");
    return "followups/diaries";
  }

  @GetMapping("/followups/diaries/{procedureId}")
  String diary(@PathVariable long procedureId, Model model) {
    return page(model, procedureId, Map.of(), null);
  }

  @PostMapping("/followups/diaries/{procedureId}")
  String record(
      @PathVariable long procedureId,
      @RequestParam Map<String, String> form,
      Model model,
      HttpServletResponse response) {
    StoredDiary diary = keeper.forProcedure(procedureId);
    Map<Integer, String> typed = marks(form);
    try {
      keeper.recordAnaesthetic(diary, form.get("anaesthetic"));
      keeper.record(diary, typed, "paper");
      return "redirect:/followups/diaries/" + procedureId;
    } catch (RuleViolation e) {
      response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
      return page(model, procedureId, typed, e.getMessage());
    }
  }

  static Map<Integer, String> marks(Map<String, String> form) {
    Map<Integer, String> typed = new LinkedHashMap<>();
    for (int minutes : BlockDiary.MARKS) {
      String value = form.get("m" + minutes);
      if (value != null) {
        typed.put(minutes, value);
      }
    }
    return typed;
  }

  private String page(Model model, long procedureId, Map<Integer, String> typed, String error) {
    BlockDiary diary =
        diaries
            .forProcedure(procedureId)
            .orElseThrow(() -> new NotFound("Procedure " + procedureId + " has no relief diary."));
    model.addAttribute("diary", diary);
    model.addAttribute("patient", patients.open(diary.patientId()));
    model.addAttribute("pairs", diaries.medialBranchPairs(diary.patientId()));
    model.addAttribute("marks", BlockDiary.MARKS);
    model.addAttribute("labels", BlockDiary.MARK_LABELS);
    model.addAttribute("typed", typed);
    model.addAttribute("anaesthetics", settings.anaesthetics());
    model.addAttribute("criterion", BlockDiary.CRITERION_PERCENT);
    model.addAttribute("error", error);
    model.addAttribute("activeNav", "followups");
    return "followups/diary";
  }
}

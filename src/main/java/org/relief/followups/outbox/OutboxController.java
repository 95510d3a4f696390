package org.relief.followups.outbox;

import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.regex.Pattern;
import org.relief.audit.AuditActions;
import org.relief.audit.AuditEntry.Outcome;
import org.relief.audit.AuditTrail;
import org.relief.platform.PracticeSettings;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The outbox as staff see it: which patient got which kind of message when. The secret of each link
 * is masked: staff can see that a link went out, not open it.
 */
@Controller
class OutboxController {

  private static final Pattern TOKEN =
      Pattern.compile("/(followup|diary)/([A-Za-z0-9_-]{4})[A-Za-z0-9_-]+");

  private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

  private final JdbcClient jdbc;
  private final AuditTrail audit;
  private final PracticeSettings practice;

  OutboxController(JdbcClient jdbc, AuditTrail audit, PracticeSettings practice) {
    this.jdbc = jdbc;
    this.audit = audit;
    this.practice = practice;
  }

  /** A message as shown, its link masked. */
  record ShownMessage(long id, long patientId, String purpose, String text, String createdAt) {}

  @GetMapping("/followups/outbox")
  String outbox(Model model) {
    List<ShownMessage> messages =
        jdbc.sql(
                "SELECT id, patient_id, purpose, body, created_at FROM outbox_message"
                    + " ORDER BY created_at DESC, id DESC LIMIT 200")
            .query(
                (rs, n) ->
                    new ShownMessage(
                        rs.getLong("id"),
                        rs.getLong("patient_id"),
                        rs.getString("purpose"),
                        mask(rs.getString("body")),
                        WHEN.format(
                            rs.getTimestamp("created_at").toInstant().atZone(practice.timeZone()))))
            .list();
    audit.recordAccess(
        AuditActions.SEARCH,
        "OutboxMessage",
        "outbox",
        Outcome.SUCCESS,
        "found " + messages.size());
    model.addAttribute("messages", messages);
    model.addAttribute("activeNav", "outbox");
    return "followups/outbox";
  }

  static String mask(String body) {
    return TOKEN.matcher(body).replaceAll("/$1/$2…");
  }
}

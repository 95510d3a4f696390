package org.relief.careers.specialists;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * The expiry radar (careers.md, "credential wallet with expiry radar"): reminders before a licence,
 * a DEA or state controlled-substance registration, a board certification or its MOC requirement,
 * or a CME cycle lapses, and before the CAQH ProView re-attestation (every 120 days, 180 in
 * Illinois; the status expires the day after). Lapsed items stay on the radar until they are
 * renewed or removed. Everything is computed from the profile and the clock on each read; nothing
 * is stored, so a changed window or a renewed licence shows at once.
 */
@Component
public class ExpiryRadar {

  private final RadarSettings settings;
  private final SpecialistProfiles profiles;

  ExpiryRadar(RadarSettings settings, SpecialistProfiles profiles) {
    this.settings = settings;
    this.profiles = profiles;
  }

  /** The windows in days, for the page to say how far the radar looks. */
  public Map<String, Long> windows() {
    Map<String, Long> w = new LinkedHashMap<>();
    w.put("licences", settings.licenceWindow().toDays());
    w.put("registrations", settings.registrationWindow().toDays());
    w.put("boards", settings.boardWindow().toDays());
    w.put("CME", settings.cmeWindow().toDays());
    w.put("CAQH", settings.caqhWindow().toDays());
    return w;
  }

  public List<Reminder> remindersFor(SpecialistProfile p) {
    LocalDate today = profiles.today();
    List<Reminder> out = new ArrayList<>();
    for (Licence l : p.licences()) {
      if (l.status() != LicenceStatus.INACTIVE) {
        add(
            out,
            today,
            l.state() + " licence " + l.number(),
            "expires",
            l.expiresOn(),
            settings.licenceWindow().toDays(),
            null);
      }
    }
    for (Registration r : p.registrations()) {
      add(
          out,
          today,
          (r.kind() == RegistrationKind.DEA
                  ? "DEA registration "
                  : "Controlled-substance registration ")
              + r.number()
              + " ("
              + r.state()
              + ")",
          "expires",
          r.expiresOn(),
          settings.registrationWindow().toDays(),
          null);
    }
    for (BoardCertification b : p.boards()) {
      String name = b.board().label() + " certification in " + b.specialty();
      add(out, today, name, "expires", b.expiresOn(), settings.boardWindow().toDays(), null);
      add(
          out,
          today,
          name,
          "MOC requirement due",
          b.mocDueOn(),
          settings.boardWindow().toDays(),
          null);
    }
    for (CmeRequirement q : p.cmeRequirements()) {
      var missing = q.missing(p.cme());
      if (missing.signum() > 0) {
        add(
            out,
            today,
            q.state() + " CME: " + q.category().label(),
            "credits due",
            q.dueOn(),
            settings.cmeWindow().toDays(),
            plain(q.earned(p.cme()))
                + " of "
                + plain(q.credits())
                + " credits earned since "
                + q.periodStart()
                + "; "
                + plain(missing)
                + " to go");
      }
    }
    if (p.caqhAttestedOn() == null) {
      out.add(
          new Reminder(
              "CAQH ProView attestation",
              "re-attestation due",
              null,
              0,
              "Record the date of your last attestation to be reminded before it lapses."));
    } else {
      long interval = settings.caqhDays(p.homeState());
      add(
          out,
          today,
          "CAQH ProView attestation",
          "re-attestation due",
          p.caqhAttestedOn().plusDays(interval),
          settings.caqhWindow().toDays(),
          "Attested on "
              + p.caqhAttestedOn()
              + "; re-attest every "
              + interval
              + " days"
              + (p.homeState() != null && settings.caqhIntervalByState().containsKey(p.homeState())
                  ? " in " + p.homeState()
                  : "")
              + "; the status expires the day after.");
    }
    out.sort(
        Comparator.comparing(Reminder::dueOn, Comparator.nullsFirst(Comparator.naturalOrder())));
    return out;
  }

  private static void add(
      List<Reminder> out,
      LocalDate today,
      String what,
      String event,
      LocalDate dueOn,
      long windowDays,
      String detail) {
    if (dueOn == null) {
      return;
    }
    long days = ChronoUnit.DAYS.between(today, dueOn);
    if (days <= windowDays) {
      out.add(new Reminder(what, event, dueOn, days, detail));
    }
  }

  private static String plain(java.math.BigDecimal n) {
    return n.stripTrailingZeros().toPlainString();
  }
}

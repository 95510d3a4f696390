package org.relief.careers.jobs;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.relief.platform.RuleViolation;
import org.springframework.util.MultiValueMap;

/**
 * The posting form as typed, so that a refused form comes back with what was written. Sites are one
 * per line ({@code name; city; state} or {@code city; state}); licence states are a list of codes;
 * each procedure of the catalogue has a choice (required, desired or not asked) and a minimum
 * recent volume.
 */
record JobForm(
    String title,
    String summary,
    String taxonomy,
    String setting,
    String employmentModel,
    String sites,
    String licenceStates,
    boolean imlcAccepted,
    Set<String> boards,
    Map<String, String> procedureChoice,
    Map<String, String> procedureVolume,
    String procedureDays,
    String clinicDays,
    String callNights,
    String callNotes,
    Set<String> assets,
    String appSupport,
    String baseMin,
    String baseMax,
    String wrvuRate,
    String wrvuThreshold,
    String bonus,
    String callPay,
    String callPayPerNight,
    String signOn,
    String relocation,
    String loanRepayment,
    String partnershipTrack,
    String nonCompete,
    boolean visa,
    String startWindow,
    String hiringVia,
    String validThrough,
    boolean telemedicine) {

  static JobForm empty(LocalDate today) {
    return new JobForm(
        "",
        "",
        PainTaxonomy.INTERVENTIONAL_PAIN.name(),
        "",
        "",
        "",
        "",
        false,
        Set.of(),
        Map.of(),
        Map.of(),
        "",
        "",
        "",
        "",
        Set.of(),
        "",
        "",
        "",
        "",
        "",
        "",
        "",
        "",
        "",
        "",
        "",
        "",
        "",
        false,
        "",
        HiringVia.DIRECT.name(),
        today.plusDays(60).toString(),
        false);
  }

  static JobForm from(MultiValueMap<String, String> params) {
    Map<String, String> choice = new LinkedHashMap<>();
    Map<String, String> volume = new LinkedHashMap<>();
    for (ProcedureFamily f : ProcedureFamily.values()) {
      choice.put(f.name(), one(params, "proc." + f.name()));
      volume.put(f.name(), one(params, "vol." + f.name()));
    }
    return new JobForm(
        one(params, "title"),
        one(params, "summary"),
        one(params, "taxonomy"),
        one(params, "setting"),
        one(params, "employmentModel"),
        one(params, "sites"),
        one(params, "licenceStates"),
        "true".equals(one(params, "imlcAccepted")),
        new TreeSet<>(params.getOrDefault("boards", List.of())),
        choice,
        volume,
        one(params, "procedureDays"),
        one(params, "clinicDays"),
        one(params, "callNights"),
        one(params, "callNotes"),
        new TreeSet<>(params.getOrDefault("assets", List.of())),
        one(params, "appSupport"),
        one(params, "baseMin"),
        one(params, "baseMax"),
        one(params, "wrvuRate"),
        one(params, "wrvuThreshold"),
        one(params, "bonus"),
        one(params, "callPay"),
        one(params, "callPayPerNight"),
        one(params, "signOn"),
        one(params, "relocation"),
        one(params, "loanRepayment"),
        one(params, "partnershipTrack"),
        one(params, "nonCompete"),
        "true".equals(one(params, "visa")),
        one(params, "startWindow"),
        one(params, "hiringVia"),
        one(params, "validThrough"),
        "true".equals(one(params, "telemedicine")));
  }

  static JobForm of(JobDetails d) {
    Map<String, String> choice = new LinkedHashMap<>();
    Map<String, String> volume = new LinkedHashMap<>();
    for (ProcedureRequirement p : d.procedures()) {
      choice.put(p.procedure().name(), p.requirement().name());
      volume.put(p.procedure().name(), p.minRecentVolume() == null ? "" : "" + p.minRecentVolume());
    }
    Compensation c = d.compensation();
    return new JobForm(
        d.title(),
        d.summary(),
        d.taxonomy().name(),
        d.setting().name(),
        d.employmentModel().name(),
        d.sites().stream()
            .map(
                s ->
                    s.name().isBlank()
                        ? s.city() + "; " + s.state()
                        : s.name() + "; " + s.city() + "; " + s.state())
            .collect(Collectors.joining("\n")),
        String.join(", ", d.licenceStates()),
        d.imlcAccepted(),
        d.acceptedBoards().stream().map(Enum::name).collect(Collectors.toSet()),
        choice,
        volume,
        plain(d.procedureDaysPerWeek()),
        plain(d.clinicDaysPerWeek()),
        plain(d.callNightsPerMonth()),
        d.callNotes(),
        d.facilityAssets().stream().map(Enum::name).collect(Collectors.toSet()),
        d.appSupport(),
        plain(c.baseMin()),
        plain(c.baseMax()),
        plain(c.wrvuRate()),
        plain(c.wrvuThreshold()),
        c.bonus(),
        c.callPay(),
        plain(c.callPayPerNight()),
        plain(c.signOn()),
        plain(c.relocation()),
        plain(c.loanRepayment()),
        c.partnershipTrack(),
        d.nonCompete(),
        d.visaSponsorship(),
        d.startWindow(),
        d.hiringVia().name(),
        d.validThrough().toString(),
        d.telemedicine());
  }

  /** The details the form describes; a value that cannot be read is refused with its field. */
  JobDetails details() {
    List<ProcedureRequirement> procedures = new ArrayList<>();
    for (ProcedureFamily f : ProcedureFamily.values()) {
      String chosen = procedureChoice.getOrDefault(f.name(), "");
      if (!chosen.isBlank()) {
        procedures.add(
            new ProcedureRequirement(
                f,
                choice(Requirement.class, chosen, f.label()),
                whole(
                    procedureVolume.getOrDefault(f.name(), ""), "minimum volume of " + f.label())));
      }
    }
    return new JobDetails(
        title,
        summary,
        choice(PainTaxonomy.class, taxonomy, "specialty"),
        choice(PracticeSetting.class, setting, "practice setting"),
        choice(EmploymentModel.class, employmentModel, "employment model"),
        parsedSites(),
        parsedStates(),
        imlcAccepted,
        set(Board.class, boards, "accepted boards"),
        procedures,
        days(procedureDays, "procedure days per week"),
        days(clinicDays, "clinic days per week"),
        bounded(whole(callNights, "call nights per month"), 31, "call nights per month"),
        callNotes,
        set(FacilityAsset.class, assets, "facility assets"),
        appSupport,
        new Compensation(
            whole(baseMin, "lowest base salary"),
            whole(baseMax, "highest base salary"),
            decimal(wrvuRate, "wRVU rate"),
            whole(wrvuThreshold, "wRVU threshold"),
            bonus,
            callPay,
            whole(callPayPerNight, "call pay per night"),
            whole(signOn, "sign-on bonus"),
            whole(relocation, "relocation allowance"),
            whole(loanRepayment, "loan repayment"),
            partnershipTrack),
        nonCompete,
        visa,
        startWindow,
        choice(HiringVia.class, hiringVia, "direct or agency"),
        date(validThrough),
        telemedicine);
  }

  private List<JobSite> parsedSites() {
    List<JobSite> list = new ArrayList<>();
    for (String line : sites.split("\\R")) {
      if (line.isBlank()) {
        continue;
      }
      String[] parts = line.split(";", -1);
      if (parts.length == 2) {
        list.add(new JobSite("", parts[0].strip(), parts[1].strip()));
      } else if (parts.length == 3) {
        list.add(new JobSite(parts[0].strip(), parts[1].strip(), parts[2].strip()));
      } else {
        throw new RuleViolation(
            "invalid-site",
            "Write each site on its own line as 'name; city; state' or 'city; state'.");
      }
    }
    return list;
  }

  private List<String> parsedStates() {
    List<String> codes = new ArrayList<>();
    for (String part : licenceStates.split("[,\\s]+")) {
      if (part.isBlank()) {
        continue;
      }
      String code = UsStates.code(part);
      if (code == null) {
        throw new RuleViolation(
            "invalid-state", "'" + part.strip() + "' is not a two-letter US state code.");
      }
      if (!codes.contains(code)) {
        codes.add(code);
      }
    }
    return codes;
  }

  private static String one(MultiValueMap<String, String> params, String name) {
    String value = params.getFirst(name);
    return value == null ? "" : value;
  }

  private static String plain(Object value) {
    if (value instanceof BigDecimal d) {
      return d.stripTrailingZeros().toPlainString();
    }
    return value == null ? "" : value.toString();
  }

  private static <E extends Enum<E>> E choice(Class<E> type, String value, String field) {
    if (value == null || value.isBlank()) {
      return null;
    }
    try {
      return Enum.valueOf(type, value.strip().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new RuleViolation("invalid-choice", "Choose the " + field + " from the list.");
    }
  }

  private static <E extends Enum<E>> Set<E> set(Class<E> type, Set<String> values, String field) {
    EnumSet<E> set = EnumSet.noneOf(type);
    for (String v : values) {
      set.add(choice(type, v, field));
    }
    return set;
  }

  private static Integer whole(String value, String field) {
    if (value == null || value.isBlank()) {
      return null;
    }
    try {
      int n = Integer.parseInt(value.strip().replace(",", ""));
      if (n < 0) {
        throw new NumberFormatException();
      }
      return n;
    } catch (NumberFormatException e) {
      throw new RuleViolation(
          "invalid-number", "The " + field + " must be a whole number such as 12 or 450000.");
    }
  }

  private static Integer bounded(Integer value, int max, String field) {
    if (value != null && value > max) {
      throw new RuleViolation("out-of-range", "The " + field + " is at most " + max + ".");
    }
    return value;
  }

  private static BigDecimal decimal(String value, String field) {
    if (value == null || value.isBlank()) {
      return null;
    }
    try {
      BigDecimal d = new BigDecimal(value.strip().replace(",", ""));
      if (d.signum() < 0 || d.compareTo(new BigDecimal("99999")) > 0) {
        throw new NumberFormatException();
      }
      return d;
    } catch (NumberFormatException e) {
      throw new RuleViolation(
          "invalid-number", "The " + field + " must be a number such as 52.50.");
    }
  }

  private static BigDecimal days(String value, String field) {
    BigDecimal d = decimal(value, field);
    if (d != null && (d.compareTo(BigDecimal.valueOf(7)) > 0 || d.scale() > 1)) {
      throw new RuleViolation(
          "invalid-days", "The " + field + " is between 0 and 7, in half days such as 2.5.");
    }
    return d;
  }

  private static LocalDate date(String value) {
    if (value == null || value.isBlank()) {
      return null;
    }
    try {
      return LocalDate.parse(value.strip());
    } catch (DateTimeParseException e) {
      throw new RuleViolation(
          "invalid-date", "The valid-through date must be a date such as 2027-03-31.");
    }
  }

  /** Procedure families in catalogue order, for the form's table. */
  static List<ProcedureFamily> catalogue() {
    return Arrays.asList(ProcedureFamily.values());
  }
}

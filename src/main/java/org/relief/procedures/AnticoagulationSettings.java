package org.relief.procedures;

import java.util.List;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Anticoagulation planner settings.
 *
 * @param withoutBleedingAdvice generic names the practice knows to carry no bleeding-risk advice
 *     before a procedure; the planner answers {@code continue} for them. Any other drug not in
 *     clinical-rules.md §1b/§1c is refused as unknown, so that a misspelt anticoagulant is never
 *     passed as harmless (docs/decisions/0016).
 * @param unconfirmedRows values for the rows of §1b/§1c marked U, by row key (e.g. {@code
 *     apixaban}, {@code clopidogrel}, {@code dietary-supplements}); a row not listed keeps the
 *     researched values. Such rows stay shown as unconfirmed until the drug is listed in {@code
 *     relief.patients.drug-classes.locally-confirmed}.
 */
@ConfigurationProperties("relief.procedures.anticoagulation")
public record AnticoagulationSettings(
    @DefaultValue({
          "acetaminophen",
          "gabapentin",
          "pregabalin",
          "codeine",
          "fentanyl-transdermal",
          "hydrocodone",
          "hydromorphone",
          "methadone",
          "morphine",
          "oxycodone",
          "oxymorphone",
          "tapentadol",
          "tramadol",
          "buprenorphine"
        })
        List<String> withoutBleedingAdvice,
    @DefaultValue Map<String, UnconfirmedRow> unconfirmedRows) {

  public static final String PREFIX = "relief.procedures.anticoagulation";

  public AnticoagulationSettings {
    withoutBleedingAdvice =
        withoutBleedingAdvice == null ? List.of() : List.copyOf(withoutBleedingAdvice);
    unconfirmedRows = unconfirmedRows == null ? Map.of() : Map.copyOf(unconfirmedRows);
  }

  /**
   * The values of one U row. Each stop is {@code continue}, {@code shared-decision} or {@code hold
   * <hours>h}; each restart is in hours. A value left out keeps the researched one.
   */
  public record UnconfirmedRow(
      String low,
      String intermediate,
      String high,
      Integer restartLow,
      Integer restartIntermediate,
      Integer restartHigh) {}
}

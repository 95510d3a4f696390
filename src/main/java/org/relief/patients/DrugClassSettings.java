package org.relief.patients;

import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Drug class settings.
 *
 * @param locallyConfirmed generic names whose clinical-rules.md §1b/§1c row is marked U but which
 *     the practice has checked against the primary document (ASRA 2018); until listed here such
 *     rows are shown as unconfirmed
 */
@ConfigurationProperties("relief.patients.drug-classes")
public record DrugClassSettings(@DefaultValue List<String> locallyConfirmed) {

  public static final String LOCALLY_CONFIRMED = "relief.patients.drug-classes.locally-confirmed";

  public DrugClassSettings {
    locallyConfirmed = locallyConfirmed == null ? List.of() : List.copyOf(locallyConfirmed);
  }
}

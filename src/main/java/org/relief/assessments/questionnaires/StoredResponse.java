package org.relief.assessments.questionnaires;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.relief.assessments.Flag;

/** A scored instrument as stored for a patient. */
record StoredResponse(
    long id,
    long patientId,
    Long questionnaireId,
    String instrument,
    String instrumentVersion,
    Instant scoredAt,
    Double score,
    String band,
    Map<String, Double> subscores,
    List<Flag> flags,
    int answered) {

  StoredResponse {
    subscores = Map.copyOf(subscores);
    flags = List.copyOf(flags);
  }
}

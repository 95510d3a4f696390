package org.relief.procedures.scheduling;

import java.util.List;
import java.util.stream.Collectors;

/** A room procedures are done in, with its imaging. */
public record ProcedureRoom(long id, String name, List<Imaging> imaging, boolean active) {

  public ProcedureRoom {
    imaging = List.copyOf(imaging);
  }

  public boolean has(Imaging kind) {
    return imaging.contains(kind);
  }

  /** "Fluoroscopy, Ultrasound", or "No imaging". */
  public String imagingText() {
    return imaging.isEmpty()
        ? "No imaging"
        : imaging.stream().map(Imaging::label).collect(Collectors.joining(", "));
  }
}

package org.relief.patients;

import org.relief.platform.NotFound;

/** No patient with this ID (answered 404; never says more). */
public class PatientNotFound extends NotFound {

  public PatientNotFound(long id) {
    super("There is no patient " + id + ".");
  }
}

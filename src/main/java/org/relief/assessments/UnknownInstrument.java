package org.relief.assessments;

import org.relief.platform.NotFound;

/** No instrument has the code asked for: answered with 404. */
public class UnknownInstrument extends NotFound {

  public UnknownInstrument(String code, java.util.Collection<String> known) {
    super(
        "There is no instrument '"
            + Instruments.shorten(code)
            + "'. Known instruments: "
            + String.join(", ", known)
            + ".");
  }
}

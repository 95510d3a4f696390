package org.relief.procedures;

/**
 * Whether a booked procedure may start: every checklist item done or not applicable ({@code
 * READY}), some still open ({@code NOT_READY}), or ready only because a pain physician overrode
 * open items with a reason ({@code OVERRIDDEN}).
 *
 * @param openItems items neither done, not applicable nor overridden
 * @param overriddenItems items a pain physician overrode
 */
public record Readiness(State state, int openItems, int overriddenItems) {

  /** The three readiness states shown on the afternoon list. */
  public enum State {
    READY("ready", "Ready"),
    NOT_READY("not-ready", "Not ready"),
    OVERRIDDEN("overridden", "Overridden");

    private final String code;
    private final String label;

    State(String code, String label) {
      this.code = code;
      this.label = label;
    }

    public String code() {
      return code;
    }

    public String label() {
      return label;
    }
  }

  public static Readiness of(int openItems, int overriddenItems) {
    State state =
        openItems > 0 ? State.NOT_READY : overriddenItems > 0 ? State.OVERRIDDEN : State.READY;
    return new Readiness(state, openItems, overriddenItems);
  }

  /** "Ready", "Not ready (3 open)", "Overridden (1)". */
  public String summary() {
    return switch (state) {
      case READY -> "Ready";
      case NOT_READY -> "Not ready (" + openItems + " open)";
      case OVERRIDDEN -> "Overridden (" + overriddenItems + ")";
    };
  }
}

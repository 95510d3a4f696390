package org.relief.procedures;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One row of clinical-rules.md §1b or §1c as the planner applies it: what to do before a procedure
 * of each risk class and when to restart.
 */
record IntervalRow(
    Step low,
    Step intermediate,
    Step high,
    Integer restartLow,
    Integer restartIntermediate,
    Integer restartHigh,
    String source,
    String status,
    String note) {

  /** What to do before a procedure: hold for some hours, continue, or decide together. */
  record Step(Action action, Integer hours) {

    private static final Pattern HOLD = Pattern.compile("hold (\\d+)h");

    static final Step CONTINUE = new Step(Action.CONTINUE, null);
    static final Step SHARED = new Step(Action.SHARED_DECISION, null);

    static Step hold(int hours) {
      return new Step(Action.HOLD, hours);
    }

    static Step holdDays(int days) {
      return hold(days * 24);
    }

    static Step parse(String text, String setting) {
      if (text.equals("continue")) {
        return CONTINUE;
      }
      if (text.equals("shared-decision")) {
        return SHARED;
      }
      Matcher hold = HOLD.matcher(text);
      if (hold.matches()) {
        return hold(Integer.parseInt(hold.group(1)));
      }
      throw new IllegalArgumentException(
          setting
              + " is '"
              + text
              + "'; write 'continue', 'shared-decision' or 'hold <hours>h' such as 'hold 72h'");
    }
  }

  Step step(RiskClass riskClass) {
    return switch (riskClass) {
      case LOW -> low;
      case INTERMEDIATE -> intermediate;
      case HIGH -> high;
    };
  }

  Integer restart(RiskClass riskClass) {
    return switch (riskClass) {
      case LOW -> restartLow;
      case INTERMEDIATE -> restartIntermediate;
      case HIGH -> restartHigh;
    };
  }

  /** Whether the reference marks this row U: it is then a setting and shown as unconfirmed. */
  boolean unconfirmedInReference() {
    return status.matches(".*\\bU\\b.*");
  }

  IntervalRow with(AnticoagulationSettings.UnconfirmedRow values, String setting) {
    return new IntervalRow(
        values.low() == null ? low : Step.parse(values.low(), setting + ".low"),
        values.intermediate() == null
            ? intermediate
            : Step.parse(values.intermediate(), setting + ".intermediate"),
        values.high() == null ? high : Step.parse(values.high(), setting + ".high"),
        hours(values.restartLow(), restartLow, setting + ".restart-low"),
        hours(values.restartIntermediate(), restartIntermediate, setting + ".restart-intermediate"),
        hours(values.restartHigh(), restartHigh, setting + ".restart-high"),
        source,
        status,
        note == null ? "values set in " + setting : note + "; values set in " + setting);
  }

  private static Integer hours(Integer configured, Integer researched, String setting) {
    if (configured == null) {
      return researched;
    }
    if (configured < 0) {
      throw new IllegalArgumentException(
          setting + " is " + configured + "; give hours of 0 or more");
    }
    return configured;
  }
}

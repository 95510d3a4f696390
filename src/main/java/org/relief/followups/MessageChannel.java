package org.relief.followups;

/**
 * Where reminders to patients go: an e-mail or SMS gateway in a deployment that has one. The
 * default keeps them in an outbox table that staff can see. A message's text carries a link and no
 * health information (no procedure, instrument, diagnosis or name); the channel looks up the
 * patient's address itself.
 */
public interface MessageChannel {

  void send(OutboundMessage message);

  /**
   * A message to a patient.
   *
   * @param purpose what it is for, for staff and logs ({@code follow-up}, {@code diary})
   */
  record OutboundMessage(long patientId, String purpose, String text) {}
}

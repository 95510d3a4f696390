package org.relief.followups.schedule;

/**
 * The text of messages to patients. They carry a link and nothing else about the patient: no
 * procedure, instrument, diagnosis, practice speciality or name, because an SMS or e-mail can be
 * read by anyone who sees the phone or the inbox.
 */
public final class Messages {

  private Messages() {}

  static String followUp(String baseUrl, String token) {
    return "Your care team asks how you are. Please answer a few short questions: "
        + baseUrl
        + "/followup/"
        + token;
  }

  public static String diary(String baseUrl, String token) {
    return "Your care team asks you to fill in a short diary today: " + baseUrl + "/diary/" + token;
  }
}

package org.relief.assessments.questionnaires;

import java.util.ArrayList;
import java.util.List;
import org.relief.assessments.Instrument;
import org.relief.assessments.Item;

/**
 * One screen of a questionnaire: an item of one of its instruments, numbered across the whole
 * questionnaire ("Question 3 of 19"). Only scored items are asked.
 */
record Question(int number, int total, int part, int parts, Instrument instrument, Item item) {

  static List<Question> of(List<Instrument> instruments) {
    int total =
        instruments.stream()
            .mapToInt(i -> (int) i.items().stream().filter(Item::scored).count())
            .sum();
    List<Question> questions = new ArrayList<>(total);
    int number = 0;
    for (int part = 0; part < instruments.size(); part++) {
      Instrument instrument = instruments.get(part);
      for (Item item : instrument.items()) {
        if (item.scored()) {
          questions.add(
              new Question(++number, total, part + 1, instruments.size(), instrument, item));
        }
      }
    }
    return List.copyOf(questions);
  }
}

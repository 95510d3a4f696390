package org.relief.careers.jobs;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.relief.platform.RuleViolation;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

/**
 * Relief's committed place table ({@code careers/places/}, sources in its README): US city
 * centroids and 3-digit ZIP areas. Job sites are placed by city and state when a posting is saved;
 * a searcher's place may be "City, ST", a city name found in one state only, or a ZIP code. A place
 * the table does not hold is refused with a message, never guessed.
 */
@Component
public class Places {

  /** The longest place a searcher may type (the saved-search column holds 120). */
  public static final int MAX_LENGTH = 120;

  private static final Pattern ZIP = Pattern.compile("(\\d{3})(\\d{2})?(-\\d{4})?");
  private static final Pattern CITY_STATE = Pattern.compile("(.+?)[,\\s]+([A-Za-z]{2})");

  private final Map<String, Place> cities = new LinkedHashMap<>();
  private final Map<String, List<String>> statesOfCity = new HashMap<>();
  private final Map<String, Place> zip3 = new HashMap<>();

  public Places() {
    read(
        "careers/places/us-cities.csv",
        f -> {
          String state = f[1].strip();
          Place place =
              new Place(
                  f[0].strip() + ", " + state, Double.parseDouble(f[2]), Double.parseDouble(f[3]));
          cities.put(key(f[0], state), place);
          statesOfCity.computeIfAbsent(normal(f[0]), k -> new ArrayList<>()).add(state);
        });
    read(
        "careers/places/us-zip3.csv",
        f -> {
          Place city = cities.get(key(f[1], f[2]));
          if (city == null) {
            throw new IllegalStateException("ZIP area " + f[0] + " names an unknown city");
          }
          zip3.put(
              f[0].strip(),
              new Place(
                  "ZIP " + f[0].strip() + "xx (" + city.name() + ")",
                  city.latitude(),
                  city.longitude()));
        });
  }

  /** Where a job site is, when its city is in the table. */
  public Optional<Place> site(String city, String state) {
    if (city == null || state == null) {
      return Optional.empty();
    }
    return Optional.ofNullable(cities.get(key(city, state)));
  }

  /** The place a searcher typed; refused with a reason when the table cannot place it. */
  public Place find(String text) {
    String typed = text == null ? "" : text.strip();
    if (typed.isEmpty()) {
      throw new RuleViolation("missing-place", "Give a city and state or a ZIP code.");
    }
    if (typed.length() > MAX_LENGTH) {
      throw new RuleViolation(
          "too-long", "A place has at most " + MAX_LENGTH + " characters, such as Austin, TX.");
    }
    Matcher zip = ZIP.matcher(typed);
    if (zip.matches()) {
      Place area = zip3.get(zip.group(1));
      if (area == null) {
        throw new RuleViolation(
            "unknown-place",
            "ZIP "
                + typed
                + " is not in Relief's place table; give the nearest larger city and its state"
                + " instead, such as Billings, MT.");
      }
      return area;
    }
    Matcher cityState = CITY_STATE.matcher(typed);
    if (cityState.matches() && UsStates.code(cityState.group(2)) != null) {
      Place place = cities.get(key(cityState.group(1), cityState.group(2)));
      if (place != null) {
        return place;
      }
    }
    List<String> states = statesOfCity.getOrDefault(normal(typed), List.of());
    if (states.size() == 1) {
      return cities.get(key(typed, states.get(0)));
    }
    if (states.size() > 1) {
      throw new RuleViolation(
          "ambiguous-place",
          "There is a "
              + typed
              + " in "
              + String.join(", ", new TreeSet<>(states))
              + "; add the state, such as "
              + typed
              + ", "
              + states.get(0)
              + ".");
    }
    throw new RuleViolation(
        "unknown-place",
        "Relief does not know where '"
            + (typed.length() > 60 ? typed.substring(0, 60) + "…" : typed)
            + "' is; give a larger city nearby with its state (such as Austin, TX) or a ZIP"
            + " code.");
  }

  /** The states and territories the table has at least one city in. */
  java.util.Set<String> states() {
    java.util.Set<String> states = new TreeSet<>();
    statesOfCity.values().forEach(states::addAll);
    return states;
  }

  private static String key(String city, String state) {
    return normal(city) + "|" + state.strip().toUpperCase(Locale.ROOT);
  }

  /** Case, dots and the "St."/"Saint" spelling do not matter. */
  private static String normal(String city) {
    String c = city.strip().toLowerCase(Locale.ROOT).replace(".", "").replaceAll("\\s+", " ");
    return c.startsWith("st ") ? "saint " + c.substring(3) : c;
  }

  private static void read(String resource, Consumer<String[]> row) {
    try (BufferedReader in =
        new BufferedReader(
            new InputStreamReader(
                new ClassPathResource(resource).getInputStream(), StandardCharsets.UTF_8))) {
      in.readLine();
      for (String line = in.readLine(); line != null; line = in.readLine()) {
        if (!line.isBlank()) {
          row.accept(line.split(","));
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}

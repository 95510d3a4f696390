package org.relief.careers.specialists;

import java.sql.Array;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import org.relief.careers.jobs.Board;
import org.relief.careers.jobs.PainTaxonomy;
import org.relief.careers.jobs.PracticeSetting;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Profiles in {@code specialist_profile} and their credential rows. */
@Repository
class SpecialistProfileRepository {

  private final JdbcClient jdbc;

  SpecialistProfileRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  boolean exists(long userId) {
    return jdbc.sql("SELECT count(*) FROM specialist_profile WHERE user_id = :u")
            .param("u", userId)
            .query(Long.class)
            .single()
        > 0;
  }

  void insert(long userId, Instant now) {
    jdbc.sql(
            "INSERT INTO specialist_profile (user_id, created_at, updated_at) VALUES (:u, :now,"
                + " :now) ON CONFLICT (user_id) DO NOTHING")
        .param("u", userId)
        .param("now", Timestamp.from(now))
        .update();
  }

  boolean npiTakenByOther(long userId, String npi) {
    return jdbc.sql("SELECT count(*) FROM specialist_profile WHERE npi = :n AND user_id <> :u")
            .param("n", npi)
            .param("u", userId)
            .query(Long.class)
            .single()
        > 0;
  }

  void saveBasics(long userId, ProfileBasics b, Instant now) {
    jdbc.sql(
            """
            UPDATE specialist_profile SET npi = :npi, taxonomy_code = :taxonomy,
                home_state = :home, fellowship = :fellowship, fellowship_year = :year,
                caqh_attested_on = :caqh, updated_at = :now
            WHERE user_id = :u
            """)
        .param("npi", b.npi())
        .param("taxonomy", b.taxonomy() == null ? null : b.taxonomy().code())
        .param("home", b.homeState())
        .param("fellowship", b.fellowship())
        .param("year", b.fellowshipYear())
        .param("caqh", date(b.caqhAttestedOn()))
        .param("now", Timestamp.from(now))
        .param("u", userId)
        .update();
  }

  void savePreferences(long userId, Preferences p, Instant now) {
    jdbc.sql(
            """
            UPDATE specialist_profile SET pref_states = CAST(:states AS char(2)[]),
                pref_min_compensation = :minComp, pref_max_call_nights = :maxCall,
                pref_settings = CAST(:settings AS varchar(30)[]), allow_contact = :contact,
                updated_at = :now
            WHERE user_id = :u
            """)
        .param("states", p.states().toArray(String[]::new))
        .param("minComp", p.minCompensation())
        .param("maxCall", p.maxCallNights())
        .param("settings", p.settings().stream().map(Enum::name).toArray(String[]::new))
        .param("contact", p.allowContact())
        .param("now", Timestamp.from(now))
        .param("u", userId)
        .update();
  }

  void addLicence(long userId, Licence l) {
    jdbc.sql(
            "INSERT INTO specialist_licence (user_id, state, number, status, expires_on,"
                + " verified_by, verified_at, source) VALUES (:u, :state, :number, :status,"
                + " :expires, :vby, :vat, :source)")
        .param("u", userId)
        .param("state", l.state())
        .param("number", l.number())
        .param("status", l.status().name())
        .param("expires", date(l.expiresOn()))
        .param("vby", l.verifiedBy())
        .param("vat", date(l.verifiedAt()))
        .param("source", l.source())
        .update();
  }

  void addRegistration(long userId, Registration r) {
    jdbc.sql(
            "INSERT INTO specialist_registration (user_id, kind, state, number, expires_on,"
                + " verified_by, verified_at) VALUES (:u, :kind, :state, :number, :expires, :vby,"
                + " :vat)")
        .param("u", userId)
        .param("kind", r.kind().name())
        .param("state", r.state())
        .param("number", r.number())
        .param("expires", date(r.expiresOn()))
        .param("vby", r.verifiedBy())
        .param("vat", date(r.verifiedAt()))
        .update();
  }

  void addBoard(long userId, BoardCertification b) {
    jdbc.sql(
            "INSERT INTO specialist_board (user_id, board, specialty, certified_on, expires_on,"
                + " moc_due_on) VALUES (:u, :board, :specialty, :certified, :expires, :moc)")
        .param("u", userId)
        .param("board", b.board().name())
        .param("specialty", b.specialty())
        .param("certified", date(b.certifiedOn()))
        .param("expires", date(b.expiresOn()))
        .param("moc", date(b.mocDueOn()))
        .update();
  }

  void addCme(long userId, CmeCredit c) {
    jdbc.sql(
            "INSERT INTO specialist_cme (user_id, category, state, credits, earned_on, activity)"
                + " VALUES (:u, :category, :state, :credits, :earned, :activity)")
        .param("u", userId)
        .param("category", c.category().name())
        .param("state", c.state())
        .param("credits", c.credits())
        .param("earned", date(c.earnedOn()))
        .param("activity", c.activity())
        .update();
  }

  void addCmeRequirement(long userId, CmeRequirement r) {
    jdbc.sql(
            "INSERT INTO specialist_cme_requirement (user_id, state, category, credits,"
                + " period_start, due_on) VALUES (:u, :state, :category, :credits, :start, :due)")
        .param("u", userId)
        .param("state", r.state())
        .param("category", r.category().name())
        .param("credits", r.credits())
        .param("start", date(r.periodStart()))
        .param("due", date(r.dueOn()))
        .update();
  }

  /** Removes one credential row of the owner's; false when the owner has no such row. */
  boolean remove(CredentialKind kind, long userId, long id) {
    return jdbc.sql("DELETE FROM " + kind.table() + " WHERE id = :id AND user_id = :u")
            .param("id", id)
            .param("u", userId)
            .update()
        == 1;
  }

  void touch(long userId, Instant now) {
    jdbc.sql("UPDATE specialist_profile SET updated_at = :now WHERE user_id = :u")
        .param("now", Timestamp.from(now))
        .param("u", userId)
        .update();
  }

  Optional<SpecialistProfile> find(long userId) {
    return jdbc.sql("SELECT * FROM specialist_profile WHERE user_id = :u")
        .param("u", userId)
        .query((rs, n) -> profile(rs))
        .optional();
  }

  List<Long> allUserIds() {
    return jdbc.sql("SELECT user_id FROM specialist_profile ORDER BY user_id")
        .query(Long.class)
        .list();
  }

  private SpecialistProfile profile(ResultSet rs) throws SQLException {
    long u = rs.getLong("user_id");
    EnumSet<PracticeSetting> settings = EnumSet.noneOf(PracticeSetting.class);
    strings(rs.getArray("pref_settings")).forEach(s -> settings.add(PracticeSetting.valueOf(s)));
    Preferences prefs =
        new Preferences(
            strings(rs.getArray("pref_states")).stream().map(String::strip).toList(),
            integer(rs, "pref_min_compensation"),
            integer(rs, "pref_max_call_nights"),
            settings,
            rs.getBoolean("allow_contact"));
    String taxonomy = rs.getString("taxonomy_code");
    return new SpecialistProfile(
        u,
        rs.getString("npi"),
        taxonomy == null ? null : PainTaxonomy.ofCode(taxonomy).orElse(null),
        rs.getString("home_state"),
        rs.getString("fellowship"),
        integer(rs, "fellowship_year"),
        local(rs.getDate("caqh_attested_on")),
        licences(u),
        registrations(u),
        boards(u),
        cme(u),
        cmeRequirements(u),
        prefs);
  }

  private List<Licence> licences(long u) {
    return jdbc.sql("SELECT * FROM specialist_licence WHERE user_id = :u ORDER BY state, id")
        .param("u", u)
        .query(
            (rs, n) ->
                new Licence(
                    rs.getLong("id"),
                    rs.getString("state"),
                    rs.getString("number"),
                    LicenceStatus.valueOf(rs.getString("status")),
                    local(rs.getDate("expires_on")),
                    rs.getString("verified_by"),
                    local(rs.getDate("verified_at")),
                    rs.getString("source")))
        .list();
  }

  private List<Registration> registrations(long u) {
    return jdbc.sql(
            "SELECT * FROM specialist_registration WHERE user_id = :u ORDER BY state, kind, id")
        .param("u", u)
        .query(
            (rs, n) ->
                new Registration(
                    rs.getLong("id"),
                    RegistrationKind.valueOf(rs.getString("kind")),
                    rs.getString("state"),
                    rs.getString("number"),
                    local(rs.getDate("expires_on")),
                    rs.getString("verified_by"),
                    local(rs.getDate("verified_at"))))
        .list();
  }

  private List<BoardCertification> boards(long u) {
    return jdbc.sql("SELECT * FROM specialist_board WHERE user_id = :u ORDER BY id")
        .param("u", u)
        .query(
            (rs, n) ->
                new BoardCertification(
                    rs.getLong("id"),
                    Board.valueOf(rs.getString("board")),
                    rs.getString("specialty"),
                    local(rs.getDate("certified_on")),
                    local(rs.getDate("expires_on")),
                    local(rs.getDate("moc_due_on"))))
        .list();
  }

  private List<CmeCredit> cme(long u) {
    return jdbc.sql("SELECT * FROM specialist_cme WHERE user_id = :u ORDER BY earned_on DESC, id")
        .param("u", u)
        .query(
            (rs, n) ->
                new CmeCredit(
                    rs.getLong("id"),
                    CmeCategory.valueOf(rs.getString("category")),
                    rs.getString("state"),
                    rs.getBigDecimal("credits"),
                    local(rs.getDate("earned_on")),
                    rs.getString("activity")))
        .list();
  }

  private List<CmeRequirement> cmeRequirements(long u) {
    return jdbc.sql(
            "SELECT * FROM specialist_cme_requirement WHERE user_id = :u ORDER BY due_on, id")
        .param("u", u)
        .query(
            (rs, n) ->
                new CmeRequirement(
                    rs.getLong("id"),
                    rs.getString("state"),
                    CmeCategory.valueOf(rs.getString("category")),
                    rs.getBigDecimal("credits"),
                    local(rs.getDate("period_start")),
                    local(rs.getDate("due_on"))))
        .list();
  }

  private static Date date(LocalDate d) {
    return d == null ? null : Date.valueOf(d);
  }

  private static LocalDate local(Date d) {
    return d == null ? null : d.toLocalDate();
  }

  private static Integer integer(ResultSet rs, String column) throws SQLException {
    int value = rs.getInt(column);
    return rs.wasNull() ? null : value;
  }

  private static List<String> strings(Array array) throws SQLException {
    return array == null ? List.of() : Arrays.asList((String[]) array.getArray());
  }
}

package org.relief.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.relief.platform.Role;
import org.relief.support.Http;
import org.relief.support.ReliefIntegrationTest;
import org.relief.support.TestAccounts;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

@ReliefIntegrationTest
class UserAdministrationTest {

  @LocalServerPort int port;
  @Autowired UserAccounts accounts;
  @Autowired JdbcClient jdbc;

  private Http admin() {
    Http browser = Http.browser(port);
    browser.signIn(TestAccounts.ADMIN, TestAccounts.ADMIN_PASSWORD);
    return browser;
  }

  private long privilegeChanges(long id) {
    return jdbc.sql(
            "SELECT count(*) FROM audit_event WHERE action = 'PRIVILEGE_CHANGE'"
                + " AND object_id = :id")
        .param("id", Long.toString(id))
        .query(Long.class)
        .single();
  }

  @Test
  void adminCreatesAnAccountThatCanSignIn() {
    Http browser = admin();
    var created =
        browser.submit(
            "/admin/users",
            "/admin/users",
            Map.of(
                "username", "new.nurse",
                "displayName", "New Nurse",
                "password", "a-long-enough-pass",
                "roles", "NURSE"));
    assertThat(created.statusCode()).isEqualTo(302);
    assertThat(browser.get("/admin/users").body()).contains("new.nurse", "New Nurse");
    var account = accounts.findByUsername("new.nurse").orElseThrow();
    assertThat(account.roles()).containsExactly(Role.NURSE);
    assertThat(privilegeChanges(account.id())).isEqualTo(1);
    var signIn = Http.browser(port).signIn("new.nurse", "a-long-enough-pass");
    assertThat(signIn.headers().firstValue("Location").orElse("")).doesNotContain("error");
  }

  @Test
  void duplicateUsernameDifferingOnlyInCaseIsRefusedWithAClearMessage() {
    accounts.create(
        new UserAccounts.NewUser("dup.user", "First", "a-long-enough-pass", Set.of(Role.NURSE)));
    var response =
        admin()
            .submit(
                "/admin/users",
                "/admin/users",
                Map.of(
                    "username", "Dup.User",
                    "displayName", "Second",
                    "password", "a-long-enough-pass",
                    "roles", "NURSE"));
    assertThat(response.statusCode()).isEqualTo(422);
    assertThat(response.body()).contains("The username &#39;dup.user&#39; is already taken");
    assertThat(accounts.findByUsername("dup.user").orElseThrow().displayName()).isEqualTo("First");
  }

  @Test
  void shortPasswordAndMissingRoleAreRefused() {
    Http browser = admin();
    var weak =
        browser.submit(
            "/admin/users",
            "/admin/users",
            Map.of(
                "username", "weak.one", "displayName", "W", "password", "short", "roles", "NURSE"));
    assertThat(weak.statusCode()).isEqualTo(422);
    assertThat(weak.body()).contains("at least 12 characters");
    var noRole =
        browser.submit(
            "/admin/users",
            "/admin/users",
            Map.of("username", "norole.one", "displayName", "N", "password", "a-long-enough-pass"));
    assertThat(noRole.statusCode()).isEqualTo(422);
    assertThat(noRole.body()).contains("at least one role");
    assertThat(accounts.findByUsername("weak.one")).isEmpty();
    assertThat(accounts.findByUsername("norole.one")).isEmpty();
  }

  @Test
  void roleChangesAreAuditedAndEndTheSessions() {
    var account =
        accounts.create(
            new UserAccounts.NewUser(
                "role.change", "Role Change", "a-long-enough-pass", Set.of(Role.NURSE)));
    Http person = Http.browser(port);
    person.signIn("role.change", "a-long-enough-pass");
    assertThat(person.get("/today").statusCode()).isEqualTo(200);
    long before = privilegeChanges(account.id());

    var changed =
        admin()
            .submit(
                "/admin/users",
                "/admin/users/" + account.id() + "/roles",
                Map.of("roles", "PAIN_PHYSICIAN"));
    assertThat(changed.statusCode()).isEqualTo(302);
    assertThat(accounts.get(account.id()).roles()).containsExactly(Role.PAIN_PHYSICIAN);
    assertThat(privilegeChanges(account.id())).isEqualTo(before + 1);
    assertThat(person.get("/today").statusCode()).isEqualTo(302);
  }

  @Test
  void adminCannotRemoveTheirOwnAdminRole() {
    long adminId = accounts.findByUsername(TestAccounts.ADMIN).orElseThrow().id();
    admin().submit("/admin/users", "/admin/users/" + adminId + "/roles", Map.of("roles", "NURSE"));
    assertThat(accounts.get(adminId).roles()).contains(Role.PRACTICE_ADMIN);
  }

  @Test
  void nonAdminsCannotSeeOrChangeAccounts() {
    accounts.create(
        new UserAccounts.NewUser(
            "plain.nurse", "Plain Nurse", "a-long-enough-pass", Set.of(Role.NURSE)));
    Http nurse = Http.browser(port);
    nurse.signIn("plain.nurse", "a-long-enough-pass");
    assertThat(nurse.get("/admin/users").statusCode()).isEqualTo(403);
    var attempt =
        nurse.submit(
            "/today",
            "/admin/users",
            Map.of(
                "username", "sneaky",
                "displayName", "S",
                "password", "a-long-enough-pass",
                "roles", "PRACTICE_ADMIN"));
    assertThat(attempt.statusCode()).isEqualTo(403);
    assertThat(accounts.findByUsername("sneaky")).isEmpty();
    long denials =
        jdbc.sql(
                "SELECT count(*) FROM audit_event WHERE action = 'ACCESS_DENIED'"
                    + " AND actor = 'plain.nurse'")
            .query(Long.class)
            .single();
    assertThat(denials).isEqualTo(2);
  }

  @Test
  void formsWithoutCsrfTokenAreRefused() {
    Http browser = admin();
    var response =
        browser.postForm(
            "/admin/users",
            Map.of(
                "username", "no.token",
                "displayName", "N",
                "password", "a-long-enough-pass",
                "roles", "NURSE"));
    assertThat(response.statusCode()).isEqualTo(403);
    assertThat(accounts.findByUsername("no.token")).isEmpty();
  }
}

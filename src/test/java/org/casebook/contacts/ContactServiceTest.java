package org.casebook.contacts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.casebook.client.ClientAccessDenied;
import org.casebook.client.ClientService;
import org.casebook.client.TestClients;
import org.casebook.security.RunAsStaff;
import org.casebook.time.CharityClock;
import org.casebook.validation.InvalidFields;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.authorization.AuthorizationDeniedException;
import org.springframework.security.test.context.support.WithUserDetails;
import org.springframework.test.context.ActiveProfiles;

@SpringBootTest
@ActiveProfiles({"demo", "test"})
class ContactServiceTest {

    static final String SUMMARY = "Confirmed the hearing date with the client (test).";

    @Autowired
    ContactService contacts;

    @Autowired
    ClientService clients;

    @Autowired
    TestClients testClients;

    @Autowired
    RunAsStaff runAs;

    @Autowired
    CharityClock charity;

    @Autowired
    JdbcTemplate jdbc;

    private ContactRow probationOfficer() {
        return contacts.add(new NewContact(
                ContactRole.PROBATION_OFFICER,
                "Pat Probation (fictional)",
                "Example Probation Service",
                "01632 960000",
                "pat@example.invalid"));
    }

    @Test
    @WithUserDetails("counsellor1")
    void aLinkedContactAndTheLogAreSealedAuditedAndShownOnlyWithNeedToKnow() {
        var client = testClients.activeWith("counsellor1");
        var officer = probationOfficer();
        contacts.link(client.code(), officer.id(), "Offender manager");
        var logged = contacts.log(
                client.code(),
                new NewLogEntry(
                        charity.localNow().minusHours(1),
                        ContactKind.CALL,
                        Direction.OUTGOING,
                        "Pat Probation",
                        SUMMARY));

        assertThat(contacts.ofClient(client.code())).singleElement().satisfies(l -> {
            assertThat(l.relationship()).isEqualTo("Offender manager");
            assertThat(l.contact().phone()).isEqualTo("01632 960000");
        });
        assertThat(contacts.logOf(client.code())).extracting(LogEntry::summary).containsExactly(SUMMARY);
        for (var outsider : List.of("counsellor2", "counsellor3", "supervisor2")) {
            assertThatThrownBy(() -> runAs.as(outsider, () -> contacts.ofClient(client.code())))
                    .isInstanceOf(ClientAccessDenied.class);
            assertThatThrownBy(() -> runAs.as(outsider, () -> contacts.logOf(client.code())))
                    .isInstanceOf(ClientAccessDenied.class);
            assertThatThrownBy(() -> runAs.as(
                            outsider,
                            () -> contacts.log(
                                    client.code(),
                                    new NewLogEntry(
                                            charity.localNow().minusHours(1),
                                            ContactKind.TEXT,
                                            Direction.INCOMING,
                                            "x",
                                            "y"))))
                    .isInstanceOf(ClientAccessDenied.class);
        }
        assertThat(runAs.as("supervisor", () -> contacts.logOf(client.code()))).hasSize(1);
        assertThatThrownBy(() -> runAs.as("admin", () -> contacts.directory()))
                .isInstanceOf(AuthorizationDeniedException.class);

        for (var sql : List.of(
                "select summary from client_contact_log where id = ?",
                "select who from client_contact_log where id = ?")) {
            var stored = jdbc.queryForObject(sql, byte[].class, logged.id());
            assertThat(new String(stored, StandardCharsets.ISO_8859_1)).doesNotContain("hearing", "Pat");
        }
        var name = jdbc.queryForObject("select name from contact where id = ?", byte[].class, officer.id());
        assertThat(new String(name, StandardCharsets.ISO_8859_1)).doesNotContain("Probation");
        assertThat(jdbc.queryForList(
                        "select action from audit_entry where client_ref = ? and record_type in "
                                + "('client-contact', 'contact-log', 'client-contacts') and outcome = 'SUCCESS' order by seq",
                        String.class,
                        client.code()))
                .containsExactly("CREATE", "CREATE", "VIEW", "VIEW", "VIEW");
        assertThat(jdbc.queryForObject("select count(*) from audit_entry where reason like '%hearing%'", Integer.class))
                .isZero();
    }

    @Test
    @WithUserDetails("counsellor1")
    void theContactLogFeedsTheCaseHistory() {
        var client = testClients.activeWith("counsellor1");
        contacts.log(
                client.code(),
                new NewLogEntry(
                        charity.localNow().minusMinutes(5),
                        ContactKind.MISSED,
                        Direction.INCOMING,
                        "The client",
                        "No answer at the agreed time (test)."));
        var history = clients.history(client.code());
        assertThat(history)
                .filteredOn(e -> e.what().startsWith("Missed"))
                .singleElement()
                .satisfies(e -> {
                    assertThat(e.what()).isEqualTo("Missed contact with The client");
                    assertThat(e.reason()).isEqualTo("No answer at the agreed time (test).");
                    assertThat(e.by()).isEqualTo("Casey Counsellor (demo)");
                });
        assertThat(history)
                .isSortedAccordingTo(java.util.Comparator.comparing(org.casebook.client.CaseHistoryEntry::at));
    }

    @Test
    @WithUserDetails("counsellor1")
    void badInputIsRefusedAtItsField() {
        assertThatThrownBy(() -> contacts.add(new NewContact(null, " ", null, "call me", "not-an-email")))
                .isInstanceOfSatisfying(InvalidFields.class, e -> {
                    assertThat(e.messageFor("role")).isEqualTo(ContactService.ROLE_NEEDED);
                    assertThat(e.messageFor("name")).isEqualTo(ContactService.NAME_NEEDED);
                    assertThat(e.messageFor("phone")).isEqualTo(ContactService.PHONE_FORM);
                    assertThat(e.messageFor("email")).isEqualTo(ContactService.EMAIL_FORM);
                });
        assertThatThrownBy(() -> contacts.add(new NewContact(ContactRole.GP, "Dr Example", null, null, null)))
                .isInstanceOfSatisfying(
                        InvalidFields.class,
                        e -> assertThat(e.messageFor("phone")).isEqualTo(ContactService.HOW_NEEDED));
        var client = testClients.activeWith("counsellor1");
        assertThatThrownBy(() -> contacts.log(
                        client.code(),
                        new NewLogEntry(charity.localNow().plusDays(1), ContactKind.CALL, Direction.OUTGOING, "", "")))
                .isInstanceOfSatisfying(InvalidFields.class, e -> {
                    assertThat(e.messageFor("at")).isEqualTo(ContactService.NOT_FUTURE);
                    assertThat(e.messageFor("who")).isEqualTo(ContactService.WHO_NEEDED);
                    assertThat(e.messageFor("summary")).isEqualTo(ContactService.SUMMARY_NEEDED);
                });
        var officer = probationOfficer();
        contacts.link(client.code(), officer.id(), "Offender manager");
        assertThatThrownBy(() -> contacts.link(client.code(), officer.id(), "Again"))
                .isInstanceOfSatisfying(
                        InvalidFields.class,
                        e -> assertThat(e.messageFor("contact")).isEqualTo(ContactService.ALREADY_LINKED));
    }
}

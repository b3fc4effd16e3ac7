package org.casebook.client;

import java.time.LocalDate;
import org.casebook.security.StaffDirectory;
import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Clients for tests of any module: made the way intake, triage and assignment make them (through
 * {@link ClientRecords}, so audited), with fictional details. Each call makes a new client.
 */
@Component
@Profile("test")
public class TestClients {

    private final ClientRecords records;
    private final StaffDirectory staff;
    private final TransactionTemplate transaction;

    TestClients(ClientRecords records, StaffDirectory staff, TransactionTemplate transaction) {
        this.records = records;
        this.staff = staff;
        this.transaction = transaction;
    }

    /** A new referral, received today by the team of {@code teamMemberUsername}. */
    public CreatedClient received(String teamMemberUsername) {
        var teamId = staff.teamOf(id(teamMemberUsername)).orElse(null);
        return transaction.execute(tx -> records.create(new NewClient(
                LocalDate.of(2026, 3, 1),
                "Test Person (fictional)",
                1980,
                "ZZ9",
                new SafeContact(
                        "07700 900000",
                        "test.person@example.invalid",
                        null,
                        true,
                        false,
                        false,
                        false,
                        "Weekday evenings",
                        null),
                teamId)));
    }

    /** A client on the waiting list of {@code teamMemberUsername}'s team. */
    public CreatedClient waiting(String teamMemberUsername) {
        var client = received(teamMemberUsername);
        transaction.executeWithoutResult(tx -> {
            records.moveTo(client.id(), CaseStatus.TRIAGED, "eligible");
            records.addToWaitingList(client.id(), 2);
        });
        return client;
    }

    /** A client assigned to this counsellor (not yet seen). */
    public CreatedClient assignedTo(String counsellorUsername) {
        var client = waiting(counsellorUsername);
        var counsellor = id(counsellorUsername);
        transaction.executeWithoutResult(tx ->
                records.assign(client.id(), counsellor, staff.teamOf(counsellor).orElse(null), "test"));
        return client;
    }

    /** An active client of this counsellor (first session held). */
    public CreatedClient activeWith(String counsellorUsername) {
        var client = assignedTo(counsellorUsername);
        transaction.executeWithoutResult(tx -> records.moveTo(client.id(), CaseStatus.ACTIVE, "first session"));
        return client;
    }

    /** Excludes this member of staff from the client. */
    public void exclude(ClientId client, String username) {
        transaction.executeWithoutResult(
                tx -> records.exclude(client, id(username), "Knows the family (test)", id("supervisor")));
    }

    public long id(String username) {
        return staff.findByUsername(username).orElseThrow().id();
    }
}

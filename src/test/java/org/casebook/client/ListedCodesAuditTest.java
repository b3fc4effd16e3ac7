package org.casebook.client;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.IntStream;
import org.casebook.security.RunAsStaff;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;

/** A list's audit entry names every code it showed, however long the list. */
@SpringBootTest
@ActiveProfiles({"demo", "test"})
class ListedCodesAuditTest {

    @Autowired
    CaseAccessPolicy policy;

    @Autowired
    RunAsStaff runAs;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void aShortListIsOneEntryNamingEachCode() {
        runAs.as("counsellor1", () -> policy.recordListed("short-list-test", java.util.List.of("B22-BBB", "A22-AAA")));
        assertThat(reasons("short-list-test")).containsExactly("2 shown: A22-AAA B22-BBB");
    }

    @Test
    void aListTooLongForOneEntryNamesEveryCodeAcrossSeveralWithNoneCutOff() {
        var codes = IntStream.range(0, 120)
                .mapToObj(i -> "K%02d-%03d".formatted(i / 10, i))
                .toList();
        runAs.as("counsellor1", () -> policy.recordListed("long-list-test", codes));

        var reasons = reasons("long-list-test");
        assertThat(reasons).hasSize(3);
        assertThat(reasons)
                .allSatisfy(
                        reason -> assertThat(reason).startsWith("120 shown, ").hasSizeLessThan(500));
        var named = reasons.stream()
                .flatMap(reason -> java.util.Arrays.stream(
                        reason.substring(reason.indexOf(": ") + 2).split(" ")))
                .toList();
        assertThat(named).containsExactlyInAnyOrderElementsOf(codes);
    }

    private java.util.List<String> reasons(String listName) {
        return jdbc.queryForList(
                "select reason from audit_entry where record_type = ? order by seq", String.class, listName);
    }
}

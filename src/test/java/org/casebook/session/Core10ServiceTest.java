package org.casebook.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.casebook.client.ClientAccessDenied;
import org.casebook.client.TestClients;
import org.casebook.validation.InvalidFields;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.security.authorization.AuthorizationDeniedException;
import org.springframework.security.test.context.support.WithUserDetails;
import org.springframework.test.context.ActiveProfiles;

@SpringBootTest
@ActiveProfiles({"demo", "test"})
@org.springframework.context.annotation.Import(org.casebook.MutableClock.Config.class)
class Core10ServiceTest {

    @Autowired
    Core10Service core10;

    @Autowired
    TestClients testClients;

    static List<Integer> items(int... scores) {
        var list = new ArrayList<Integer>();
        for (int s : scores) {
            list.add(s);
        }
        return list;
    }

    @Test
    void bandsCutOffAndReliableChangeFollowThePublishedRules() {
        assertThat(Core10.band(0)).isEqualTo(Core10.Band.HEALTHY);
        assertThat(Core10.band(5)).isEqualTo(Core10.Band.HEALTHY);
        assertThat(Core10.band(6)).isEqualTo(Core10.Band.LOW);
        assertThat(Core10.band(10)).isEqualTo(Core10.Band.LOW);
        assertThat(Core10.band(11)).isEqualTo(Core10.Band.MILD);
        assertThat(Core10.band(15)).isEqualTo(Core10.Band.MODERATE);
        assertThat(Core10.band(20)).isEqualTo(Core10.Band.MODERATE_SEVERE);
        assertThat(Core10.band(25)).isEqualTo(Core10.Band.SEVERE);
        assertThat(Core10.band(40)).isEqualTo(Core10.Band.SEVERE);
        assertThat(Core10.isClinical(10)).isFalse();
        assertThat(Core10.isClinical(11)).isTrue();
        assertThat(Core10.change(20, 14)).isEqualTo(Core10.Change.RELIABLE_IMPROVEMENT);
        assertThat(Core10.change(20, 15)).isEqualTo(Core10.Change.NO_RELIABLE_CHANGE);
        assertThat(Core10.change(10, 16)).isEqualTo(Core10.Change.RELIABLE_DETERIORATION);
        assertThatThrownBy(() -> Core10.band(41)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    @WithUserDetails("counsellor1")
    void scoresAreRecordedAndReadAgainstTheFirst() {
        var client = testClients.activeWith("counsellor1");
        var intake = core10.record(
                client.code(),
                new Core10Entry(
                        LocalDate.of(2026, 1, 5), MeasurementPoint.INTAKE, items(3, 2, 3, 2, 2, 1, 3, 2, 3, 2)));
        assertThat(intake.total()).isEqualTo(23);
        assertThat(intake.band()).isEqualTo(Core10.Band.MODERATE_SEVERE);
        assertThat(intake.clinical()).isTrue();
        assertThat(intake.riskItemScored()).isTrue();
        assertThat(intake.changeFromFirst()).isNull();
        var review = core10.record(
                client.code(),
                new Core10Entry(
                        LocalDate.of(2026, 2, 5), MeasurementPoint.REVIEW, items(1, 1, 2, 1, 1, 0, 2, 1, 2, 1)));
        assertThat(review.total()).isEqualTo(12);
        assertThat(review.riskItemScored()).isFalse();
        assertThat(review.changeFromFirst()).isEqualTo(Core10.Change.RELIABLE_IMPROVEMENT);
        assertThat(core10.scores(client.code())).extracting(Core10Result::total).containsExactly(23, 12);
    }

    @Test
    @WithUserDetails("counsellor1")
    void badEntriesNameTheFieldAtFault() {
        var client = testClients.activeWith("counsellor1");
        var day = LocalDate.of(2026, 1, 7);
        assertThatThrownBy(() -> core10.record(
                        client.code(),
                        new Core10Entry(day, MeasurementPoint.INTAKE, items(1, 1, 1, 1, 1, 1, 5, 1, 1, 1))))
                .isInstanceOfSatisfying(
                        InvalidFields.class, e -> assertThat(e.fieldErrors()).containsOnlyKeys("item7"));
        var missing = items(1, 1, 1, 1, 1, 1, 1, 1, 1, 1);
        missing.set(2, null);
        assertThatThrownBy(() -> core10.record(client.code(), new Core10Entry(day, MeasurementPoint.INTAKE, missing)))
                .isInstanceOfSatisfying(
                        InvalidFields.class, e -> assertThat(e.fieldErrors()).containsOnlyKeys("item3"));
        assertThatThrownBy(() -> core10.record(
                        client.code(),
                        new Core10Entry(null, MeasurementPoint.INTAKE, items(1, 1, 1, 1, 1, 1, 1, 1, 1, 1))))
                .isInstanceOfSatisfying(
                        InvalidFields.class, e -> assertThat(e.fieldErrors()).containsOnlyKeys("measuredOn"));
        assertThatThrownBy(() ->
                        core10.record(client.code(), new Core10Entry(day, null, items(1, 1, 1, 1, 1, 1, 1, 1, 1, 1))))
                .isInstanceOfSatisfying(
                        InvalidFields.class, e -> assertThat(e.fieldErrors()).containsOnlyKeys("point"));
        core10.record(
                client.code(), new Core10Entry(day, MeasurementPoint.INTAKE, items(1, 1, 1, 1, 1, 1, 1, 1, 1, 1)));
        assertThatThrownBy(() -> core10.record(
                        client.code(),
                        new Core10Entry(day, MeasurementPoint.REVIEW, items(1, 1, 1, 1, 1, 1, 1, 1, 1, 1))))
                .hasMessage(Core10Service.ONE_A_DAY);
    }

    @Test
    @WithUserDetails("counsellor2")
    void anotherCounsellorCannotReadOrRecordScores() {
        var client = testClients.activeWith("counsellor1");
        assertThatThrownBy(() -> core10.scores(client.code())).isInstanceOf(ClientAccessDenied.class);
        assertThatThrownBy(() -> core10.record(
                        client.code(),
                        new Core10Entry(
                                LocalDate.of(2026, 1, 1),
                                MeasurementPoint.INTAKE,
                                items(0, 0, 0, 0, 0, 0, 0, 0, 0, 0))))
                .isInstanceOf(ClientAccessDenied.class);
    }

    @Test
    @WithUserDetails("admin")
    void anAdministratorIsDeniedEveryMethod() {
        assertThatThrownBy(() -> core10.scores("ABC-DEF")).isInstanceOf(AuthorizationDeniedException.class);
        assertThatThrownBy(() -> core10.record("ABC-DEF", new Core10Entry(null, null, List.of())))
                .isInstanceOf(AuthorizationDeniedException.class);
    }
}

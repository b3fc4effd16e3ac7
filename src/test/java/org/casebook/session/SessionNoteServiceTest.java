package org.casebook.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Objects;
import java.util.UUID;
import org.casebook.MutableClock;
import org.casebook.client.ClientAccessDenied;
import org.casebook.client.TestClients;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authorization.AuthorizationDeniedException;
import org.springframework.security.test.context.support.WithUserDetails;
import org.springframework.test.context.ActiveProfiles;

@SpringBootTest
@ActiveProfiles({"demo", "test"})
@Import(MutableClock.Config.class)
class SessionNoteServiceTest {

    @Autowired
    SessionNoteService notes;

    @Autowired
    SessionFixtures sessions;

    @Autowired
    TestClients testClients;

    @Autowired
    MutableClock clock;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    @WithUserDetails("counsellor1")
    void aDraftIsSavedEncryptedAndOpensAgainAsTyped() {
        var session = sessions.attended("counsellor1");
        var saved = notes.saveDraft(
                session.appointment(),
                null,
                new NoteText("Arrived anxious", "Work stress", null, null, null, null, RiskAnswer.NO));
        var opened = notes.open(session.appointment());
        assertThat(opened.text().presentation()).isEqualTo("Arrived anxious");
        assertThat(opened.text().riskChanged()).isEqualTo(RiskAnswer.NO);
        assertThat(opened.version()).isEqualTo(saved.version());
        assertThat(opened.mayEdit()).isTrue();
        var stored =
                jdbc.queryForObject("select presentation from session_note where id = ?", byte[].class, saved.noteId());
        assertThat(new String(stored, java.nio.charset.StandardCharsets.ISO_8859_1))
                .doesNotContain("Arrived anxious");
        assertThat(jdbc.queryForList(
                        "select action from audit_entry where client_ref = ? and record_type = 'session-note'",
                        String.class,
                        session.code()))
                .contains("CREATE", "VIEW");
    }

    @Test
    @WithUserDetails("counsellor1")
    void aMissingOrMalformedSessionIdIsRefusedAndAudited() {
        var missing = UUID.randomUUID();
        var malformed = "not-a-session-" + "9".repeat(200);
        var before = deniedNotes();

        // Worded exactly as a refusal by need-to-know, so trying ids reveals nothing.
        assertThatThrownBy(() -> notes.open(missing))
                .isInstanceOf(ClientAccessDenied.class)
                .hasMessage(ClientAccessDenied.MESSAGE);
        assertThatThrownBy(() -> notes.open(malformed))
                .isInstanceOf(ClientAccessDenied.class)
                .hasMessage(ClientAccessDenied.MESSAGE);
        assertThatThrownBy(
                        () -> notes.saveDraft(missing, null, new NoteText("Typed", null, null, null, null, null, null)))
                .isInstanceOf(ClientAccessDenied.class);

        assertThat(deniedNotes()).isEqualTo(before + 3);
        assertThat(jdbc.queryForObject(
                        "select count(*) from audit_entry where record_id = ? and outcome = 'DENIED'",
                        Integer.class,
                        missing.toString()))
                .isEqualTo(2);
    }

    private int deniedNotes() {
        return Objects.requireNonNull(jdbc.queryForObject(
                "select count(*) from audit_entry where record_type = 'session-note' and outcome = 'DENIED'",
                Integer.class));
    }

    @Test
    @WithUserDetails("counsellor1")
    void signingLocksTheNoteAndLaterEditsAreRefused() {
        var session = sessions.drafted("counsellor1", "First words");
        var version = Objects.requireNonNull(notes.open(session.appointment()).version());
        var signed = notes.sign(session.appointment(), version);
        assertThat(signed.isSigned()).isTrue();
        assertThat(signed.mayEdit()).isFalse();
        assertThatThrownBy(() -> notes.saveDraft(
                        session.appointment(),
                        signed.version(),
                        new NoteText("Changed after signing", null, null, null, null, null, null)))
                .isInstanceOf(NoteLocked.class)
                .hasMessage(NoteLocked.SIGNED);
        assertThatThrownBy(() -> notes.sign(session.appointment(), Objects.requireNonNull(signed.version())))
                .isInstanceOf(NoteLocked.class);
        assertThat(notes.open(session.appointment()).text().presentation()).isEqualTo("First words");
        assertThat(lastAction(session.code(), "SIGN")).isEqualTo(1);
    }

    @Test
    @WithUserDetails("counsellor1")
    void anEmptyNoteCannotBeSigned() {
        var session = sessions.attended("counsellor1");
        var saved = notes.saveDraft(session.appointment(), null, NoteText.empty());
        assertThatThrownBy(() -> notes.sign(session.appointment(), saved.version()))
                .hasMessage(SessionNoteService.NOTHING_TO_SIGN);
    }

    @Test
    @WithUserDetails("counsellor1")
    void addendaAreSignedDatedInOrderAndLeaveTheOriginalUntouched() {
        var session = sessions.signed("counsellor1", "Original text");
        assertThatThrownBy(() -> notes.addAddendum(session.appointment(), " "))
                .hasMessage(SessionNoteService.ADDENDUM_NEEDED);
        notes.addAddendum(session.appointment(), "First correction");
        clock.advance(Duration.ofMinutes(5));
        var details = notes.addAddendum(session.appointment(), "Second correction");
        assertThat(details.addenda())
                .extracting(AddendumRow::text)
                .containsExactly("First correction", "Second correction");
        assertThat(details.addenda()).extracting(AddendumRow::author).containsOnly("Casey Counsellor (demo)");
        assertThat(details.addenda().get(0).signedAt())
                .isBefore(details.addenda().get(1).signedAt());
        assertThat(details.text().presentation()).isEqualTo("Original text");
        assertThat(lastAction(session.code(), "ADDENDUM")).isEqualTo(2);
    }

    @Test
    @WithUserDetails("counsellor1")
    void anUnsignedDraftTakesNoAddenda() {
        var session = sessions.drafted("counsellor1", "Draft");
        assertThatThrownBy(() -> notes.addAddendum(session.appointment(), "Too early"))
                .hasMessage(SessionNoteService.SIGN_FIRST);
    }

    @Test
    @WithUserDetails("counsellor1")
    void theSecondOfTwoSavesFromTheSameVersionIsRefused() {
        var session = sessions.drafted("counsellor1", "Start");
        var opened = Objects.requireNonNull(notes.open(session.appointment()).version());
        notes.saveDraft(session.appointment(), opened, new NoteText("Tab one", null, null, null, null, null, null));
        assertThatThrownBy(() -> notes.saveDraft(
                        session.appointment(), opened, new NoteText("Tab two", null, null, null, null, null, null)))
                .isInstanceOf(NoteConflict.class)
                .hasMessage(NoteConflict.MESSAGE);
        assertThat(notes.open(session.appointment()).text().presentation()).isEqualTo("Tab one");
        // A second "first save" of a note someone has since created is refused too.
        assertThatThrownBy(() -> notes.saveDraft(session.appointment(), null, NoteText.empty()))
                .isInstanceOf(NoteConflict.class);
    }

    @Test
    @WithUserDetails("counsellor1")
    void aNoteUnsignedForMoreThan72HoursIsOverdueForItsAuthor() {
        var session = sessions.drafted("counsellor1", "Draft");
        assertThat(notes.myOverdue()).extracting(OverdueNote::appointmentId).doesNotContain(session.appointment());
        clock.advance(Duration.ofHours(71));
        assertThat(notes.myOverdue()).extracting(OverdueNote::appointmentId).doesNotContain(session.appointment());
        clock.advance(Duration.ofHours(2));
        assertThat(notes.myOverdue()).extracting(OverdueNote::appointmentId).contains(session.appointment());
        assertThat(notes.open(session.appointment()).overdue()).isTrue();

        notes.sign(
                session.appointment(),
                Objects.requireNonNull(notes.open(session.appointment()).version()));
        assertThat(notes.myOverdue()).extracting(OverdueNote::appointmentId).doesNotContain(session.appointment());
    }

    @Test
    @WithUserDetails("supervisor")
    void theTeamSupervisorSeesOverdueNotesOfTheTeamButNotOfAnotherTeam() {
        var north = sessions.attended("counsellor2");
        var south = sessions.attended("counsellor3");
        clock.advance(Duration.ofHours(73));
        var overdue = notes.teamOverdue();
        assertThat(overdue)
                .extracting(OverdueNote::clientCode)
                .contains(north.code())
                .doesNotContain(south.code());
        assertThat(overdue)
                .filteredOn(o -> o.clientCode().equals(north.code()))
                .extracting(OverdueNote::counsellor)
                .containsExactly("Robin Counsellor (demo)");
    }

    @Test
    @WithUserDetails("counsellor2")
    void anotherCounsellorCannotReadOrAddToTheNote() {
        var session = sessions.signed("counsellor1", "Private");
        assertThatThrownBy(() -> notes.open(session.appointment())).isInstanceOf(ClientAccessDenied.class);
        assertThatThrownBy(() -> notes.addAddendum(session.appointment(), "Mine"))
                .isInstanceOf(ClientAccessDenied.class);
        assertThatThrownBy(() -> notes.saveDraft(session.appointment(), 0L, NoteText.empty()))
                .isInstanceOf(ClientAccessDenied.class);
        // Recorded against the note's id, without the client's code: a missing id is recorded the same way.
        assertThat(jdbc.queryForObject(
                        "select count(*) from audit_entry where record_id = ? and outcome = 'DENIED'",
                        Integer.class,
                        session.appointment().toString()))
                .isGreaterThanOrEqualTo(3);
    }

    @Test
    @WithUserDetails("supervisor2")
    void aSupervisorOfAnotherTeamCannotReadOrCoSign() {
        var session = sessions.signed("counsellor1", "Private");
        assertThatThrownBy(() -> notes.open(session.appointment())).isInstanceOf(ClientAccessDenied.class);
        assertThatThrownBy(() -> notes.coSign(session.appointment(), "Looks fine"))
                .isInstanceOf(ClientAccessDenied.class);
    }

    @Test
    @WithUserDetails("supervisor")
    void theTeamSupervisorReadsButDoesNotEditAndCoSignsWithAComment() {
        var draft = sessions.drafted("counsellor1", "Draft only");
        assertThat(notes.open(draft.appointment()).mayEdit()).isFalse();
        assertThatThrownBy(() -> notes.saveDraft(draft.appointment(), 0L, NoteText.empty()))
                .isInstanceOf(AccessDeniedException.class)
                .hasMessage(SessionNoteService.AUTHOR_ONLY);
        assertThatThrownBy(() -> notes.coSign(draft.appointment(), "Too early")).isInstanceOf(NoteLocked.class);

        var session = sessions.signed("counsellor1", "Signed text");
        assertThat(notes.open(session.appointment()).mayCoSign()).isTrue();
        assertThatThrownBy(() -> notes.coSign(session.appointment(), "")).hasMessage(SessionNoteService.COMMENT_NEEDED);
        var cosigned = notes.coSign(session.appointment(), "Reviewed in supervision");
        assertThat(cosigned.coSignedBy()).isEqualTo("Sam Supervisor (demo)");
        assertThat(cosigned.coSignComment()).isEqualTo("Reviewed in supervision");
        assertThat(cosigned.mayCoSign()).isFalse();
        assertThatThrownBy(() -> notes.coSign(session.appointment(), "Again")).isInstanceOf(NoteLocked.class);
        assertThat(lastAction(session.code(), "CO_SIGN")).isEqualTo(1);
    }

    @Test
    @WithUserDetails("counsellor1")
    void aCounsellorCannotCoSign() {
        var session = sessions.signed("counsellor1", "Mine");
        assertThatThrownBy(() -> notes.coSign(session.appointment(), "Self-approval"))
                .isInstanceOf(AccessDeniedException.class)
                .hasMessage(SessionNoteService.SUPERVISOR_ONLY);
    }

    @Test
    @WithUserDetails("admin")
    void anAdministratorIsDeniedEveryMethod() {
        var id = UUID.randomUUID();
        assertThatThrownBy(() -> notes.open(id)).isInstanceOf(AuthorizationDeniedException.class);
        assertThatThrownBy(() -> notes.saveDraft(id, null, NoteText.empty()))
                .isInstanceOf(AuthorizationDeniedException.class);
        assertThatThrownBy(() -> notes.sign(id, 0)).isInstanceOf(AuthorizationDeniedException.class);
        assertThatThrownBy(() -> notes.addAddendum(id, "x")).isInstanceOf(AuthorizationDeniedException.class);
        assertThatThrownBy(() -> notes.coSign(id, "x")).isInstanceOf(AuthorizationDeniedException.class);
        assertThatThrownBy(() -> notes.myOverdue()).isInstanceOf(AuthorizationDeniedException.class);
        assertThatThrownBy(() -> notes.teamOverdue()).isInstanceOf(AuthorizationDeniedException.class);
    }

    private int lastAction(String code, String action) {
        return Objects.requireNonNull(jdbc.queryForObject(
                "select count(*) from audit_entry where client_ref = ? and action = ? and outcome = 'SUCCESS'",
                Integer.class,
                code,
                action));
    }
}

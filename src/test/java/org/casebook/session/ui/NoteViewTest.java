package org.casebook.session.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static com.github.mvysny.kaributesting.v10.LocatorJ._setValue;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.mvysny.kaributesting.v10.MockAccessDeniedException;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H1;
import java.util.Objects;
import java.util.UUID;
import org.casebook.KaribuTest;
import org.casebook.security.RunAsStaff;
import org.casebook.security.ui.LoginView;
import org.casebook.session.NoteConflict;
import org.casebook.session.NoteText;
import org.casebook.session.RiskAnswer;
import org.casebook.session.SessionFixtures;
import org.casebook.session.SessionNoteService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.test.context.support.WithUserDetails;

class NoteViewTest extends KaribuTest {

    @Autowired
    SessionFixtures sessions;

    @Autowired
    SessionNoteService notes;

    @Autowired
    RunAsStaff runAs;

    @Test
    void signedOutPersonLandsOnLogin() {
        UI.getCurrent().navigate(NoteView.class, UUID.randomUUID().toString());
        _get(LoginView.class);
    }

    @Test
    @WithUserDetails("admin")
    void administratorIsDenied() {
        assertThatThrownBy(() -> UI.getCurrent()
                        .navigate(NoteView.class, UUID.randomUUID().toString()))
                .isInstanceOf(MockAccessDeniedException.class);
    }

    @Test
    @WithUserDetails("counsellor2")
    void anotherCounsellorIsRefused() {
        var session = sessions.signed("counsellor1", "Private words");
        UI.getCurrent().navigate(NoteView.class, session.appointment().toString());
        _get(H1.class, spec -> spec.withText("No access"));
        assertThat(UI.getCurrent().getElement().getTextRecursively()).doesNotContain("Private words");
    }

    @Test
    @WithUserDetails("counsellor1")
    void theDraftIsSavedAsTheCounsellorTypesAndIsThereOnReturn() {
        var session = sessions.attended("counsellor1");
        UI.getCurrent().navigate(NoteView.class, session.appointment().toString());
        var view = _get(NoteView.class);
        assertThat(UI.getCurrent().getInternals().getTitle()).isEqualTo("Note " + session.code() + " | Casebook");
        _setValue(view.presentation, "Arrived early, calm (demo)");
        _setValue(view.themes, "Loneliness at weekends");
        assertThat(view.saveState.getText()).matches("Saved at \\d\\d:\\d\\d:\\d\\d");

        UI.getCurrent().navigate("");
        UI.getCurrent().navigate(NoteView.class, session.appointment().toString());
        var again = _get(NoteView.class);
        assertThat(again.presentation.getValue()).isEqualTo("Arrived early, calm (demo)");
        assertThat(again.themes.getValue()).isEqualTo("Loneliness at weekends");
        assertThat(again.presentation.isReadOnly()).isFalse();
    }

    @Test
    @WithUserDetails("counsellor1")
    void aChangedRiskOffersAConcernAndAPlanReview() {
        var session = sessions.attended("counsellor1");
        UI.getCurrent().navigate(NoteView.class, session.appointment().toString());
        var view = _get(NoteView.class);
        assertThat(view.riskActions.getChildren().count()).isZero();
        _setValue(view.riskChanged, RiskAnswer.YES);
        assertThat(_get(view.riskActions, Anchor.class, spec -> spec.withClasses("raise-concern"))
                        .getHref())
                .isEqualTo("safeguarding/new/" + session.code() + "?source=session-note");
        assertThat(_get(view.riskActions, Anchor.class, spec -> spec.withClasses("plan-review"))
                        .getHref())
                .isEqualTo("plan/" + session.code());
        assertThat(notes.open(session.appointment()).text().riskChanged()).isEqualTo(RiskAnswer.YES);
    }

    @Test
    @WithUserDetails("counsellor1")
    void aSaveAfterSomeoneElsesIsRefusedAndTheTypedTextStays() {
        var session = sessions.drafted("counsellor1", "Started");
        UI.getCurrent().navigate(NoteView.class, session.appointment().toString());
        var view = _get(NoteView.class);
        // The same note saved in another window meanwhile.
        var other = notes.open(session.appointment());
        notes.saveDraft(
                session.appointment(),
                other.version(),
                new NoteText("From the other window", null, null, null, null, null, null));
        _setValue(view.presentation, "Typed here");
        assertThat(view.conflict.isVisible()).isTrue();
        assertThat(view.conflict.getElement().getTextRecursively()).contains(NoteConflict.MESSAGE);
        assertThat(view.presentation.getValue()).isEqualTo("Typed here");
        assertThat(notes.open(session.appointment()).text().presentation()).isEqualTo("From the other window");
        // No further autosave overwrites the other save.
        _setValue(view.themes, "More typing");
        assertThat(notes.open(session.appointment()).text().themes()).isNull();
    }

    @Test
    @WithUserDetails("counsellor1")
    void signingLocksTheNoteAndAddendaAppearUnderIt() {
        var session = sessions.attended("counsellor1");
        UI.getCurrent().navigate(NoteView.class, session.appointment().toString());
        var view = _get(NoteView.class);
        _setValue(view.presentation, "Signed content (demo)");
        _click(view.sign);
        var asked = _get(com.vaadin.flow.component.dialog.Dialog.class);
        assertThat(asked.getElement().getTextRecursively()).contains(session.code(), "locked");
        com.github.mvysny.kaributesting.v10.NotificationsKt.clearNotifications();
        _click(_get(Button.class, spec -> spec.withText("Sign")));
        com.github.mvysny.kaributesting.v10.NotificationsKt.expectNotifications("Note signed");
        var signed = _get(NoteView.class);
        assertThat(signed.presentation.isReadOnly()).isTrue();
        assertThat(signed.signature.getElement().getTextRecursively()).contains("Signed by Casey Counsellor (demo)");

        _click(signed.addAddendum);
        assertThat(signed.addendumText.isInvalid()).isTrue();
        _setValue(signed.addendumText, "Correction: it was the second session (demo)");
        _click(signed.addAddendum);
        var confirm = _get(com.vaadin.flow.component.dialog.Dialog.class);
        assertThat(confirm.getHeaderTitle()).isEqualTo("Sign and add this addendum?");
        assertThat(confirm.getElement().getTextRecursively()).contains(session.code(), "cannot be changed or removed");
        _click(_get(Button.class, spec -> spec.withText("Sign and add")));
        com.github.mvysny.kaributesting.v10.NotificationsKt.expectNotifications("Addendum signed and added");
        _setValue(signed.addendumText, "A later addition (demo)");
        _click(signed.addAddendum);
        _click(_get(Button.class, spec -> spec.withText("Sign and add")));
        var text = signed.addenda.getElement().getTextRecursively();
        assertThat(text).contains("Correction: it was the second session (demo)", "Signed by Casey Counsellor (demo)");
        assertThat(text.indexOf("Correction")).isLessThan(text.indexOf("A later addition"));
        assertThat(signed.presentation.getValue()).isEqualTo("Signed content (demo)");
    }

    @Test
    @WithUserDetails("supervisor")
    void theTeamSupervisorCoSignsWithAComment() {
        var session = sessions.signed("counsellor1", "For review (demo)");
        UI.getCurrent().navigate(NoteView.class, session.appointment().toString());
        var view = _get(NoteView.class);
        assertThat(view.presentation.isReadOnly()).isTrue();
        _click(view.coSign);
        assertThat(view.coSignComment.isInvalid()).isTrue();
        assertThat(view.coSignComment.getErrorMessage()).isEqualTo(SessionNoteService.COMMENT_NEEDED);
        _setValue(view.coSignComment, "Discussed in supervision (demo)");
        _click(view.coSign);
        assertThat(view.signature.getElement().getTextRecursively())
                .contains("Co-signed by Sam Supervisor (demo)", "Discussed in supervision (demo)");
        assertThat(Objects.requireNonNull(notes.open(session.appointment()).coSignedAt()))
                .isNotNull();
    }
}

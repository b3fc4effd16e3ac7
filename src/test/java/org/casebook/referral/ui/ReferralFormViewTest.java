package org.casebook.referral.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static com.github.mvysny.kaributesting.v10.LocatorJ._setValue;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.mvysny.kaributesting.v10.MockAccessDeniedException;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.html.H1;
import java.time.Clock;
import java.time.LocalDate;
import org.casebook.KaribuTest;
import org.casebook.referral.ReferralChoices.ChildAccess;
import org.casebook.referral.ReferralChoices.Concern;
import org.casebook.referral.ReferralChoices.LegalStatus;
import org.casebook.referral.ReferralChoices.Source;
import org.casebook.referral.ReferralService;
import org.casebook.referral.Referrals;
import org.casebook.security.ui.LoginView;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.test.context.support.WithUserDetails;

class ReferralFormViewTest extends KaribuTest {

    @Autowired
    ReferralService referrals;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    Clock clock;

    @Autowired
    org.casebook.security.RunAsStaff runAs;

    @Test
    void signedOutPersonLandsOnLogin() {
        UI.getCurrent().navigate(ReferralFormView.class);
        _get(LoginView.class);
    }

    @Test
    @WithUserDetails("admin")
    void administratorIsDenied() {
        assertThatThrownBy(() -> UI.getCurrent().navigate(ReferralFormView.class))
                .isInstanceOf(MockAccessDeniedException.class);
    }

    @Test
    @WithUserDetails("counsellor1")
    void counsellorSavesAReferralAndIsGivenTheClientCode() {
        var view = open();
        fillValid(view, "Form Saved (fictional)", "07700 966601", "form.saved@example.invalid");
        long before = referralCount();
        _click(view.save);
        _get(H1.class, spec -> spec.withText("Referral saved"));
        assertThat(referralCount()).isEqualTo(before + 1);
        assertThat(view.getElement().getTextRecursively())
                .containsPattern("The client code is [A-Z0-9]{3}-[A-Z0-9]{3}");
    }

    @Test
    @WithUserDetails("supervisor")
    void messagesAppearAtTheFieldsAndTypedTextSurvivesTheFailedSave() {
        var view = open();
        fillValid(view, "Form Invalid (fictional)", "07700 966602", "form.invalid@example.invalid");
        _setValue(view.source, Source.GP);
        _setValue(view.preferredName, "   ");
        _setValue(view.letterOk, true);
        _setValue(view.summary, "Typed summary that must survive (fictional).");
        long before = referralCount();
        _click(view.save);

        assertThat(referralCount()).isEqualTo(before);
        assertThat(view.referrerContact.isInvalid()).isTrue();
        assertThat(view.referrerContact.getErrorMessage()).isEqualTo("Give the referrer's name and how to reach them.");
        assertThat(view.preferredName.isInvalid()).isTrue();
        assertThat(view.preferredName.getErrorMessage()).isEqualTo("Give the name the person would like to be called.");
        assertThat(view.postalAddress.getErrorMessage())
                .isEqualTo("Letters are allowed: give the address to write to.");
        assertThat(view.formError.isVisible()).isTrue();
        assertThat(view.summary.getValue()).isEqualTo("Typed summary that must survive (fictional).");
        assertThat(view.phone.getValue()).isEqualTo("07700 966602");
        assertThat(view.email.getValue()).isEqualTo("form.invalid@example.invalid");

        _setValue(view.referrerContact, "Dr Example, Example surgery (fictional)");
        _setValue(view.preferredName, "Corrected Name (fictional)");
        _setValue(view.postalAddress, "1 Example Street (fictional)");
        _click(view.save);
        _get(H1.class, spec -> spec.withText("Referral saved"));
    }

    @Test
    @WithUserDetails("supervisor")
    void possibleDuplicatesAreShownBeforeAnythingIsSaved() {
        var existing = referrals.receive(
                Referrals.referral(
                        "Form Dupe (fictional)", "07700 966603", null, 1984, LocalDate.now(clock), null, false, null),
                true);
        var view = open();
        fillValid(view, "Form Person (fictional)", "07700966603", "form.dupe@example.invalid");
        long before = referralCount();
        _click(view.save);
        assertThat(referralCount()).isEqualTo(before);
        assertThat(view.duplicatesPanel.isVisible()).isTrue();
        assertThat(view.duplicatesPanel.getElement().getTextRecursively())
                .contains(existing.code() + " (received): same phone");
        assertThat(view.preferredName.getValue()).isEqualTo("Form Person (fictional)");

        _click(view.saveAnyway);
        _get(H1.class, spec -> spec.withText("Referral saved"));
        assertThat(referralCount()).isEqualTo(before + 1);
    }

    @Test
    @WithUserDetails("counsellor3")
    void aMatchTheCounsellorMayNotOpenIsNeitherNamedNorDescribed() {
        var existing = runAs.as(
                "supervisor",
                () -> referrals.receive(
                        Referrals.referral(
                                "Form Hidden (fictional)",
                                "07700 966604",
                                null,
                                1984,
                                LocalDate.now(clock),
                                null,
                                false,
                                null),
                        true));
        var view = open();
        fillValid(view, "Form Person (fictional)", "07700966604", "form.hidden@example.invalid");
        _click(view.save);
        var shown = view.duplicatesPanel.getElement().getTextRecursively();
        assertThat(shown)
                .contains(org.casebook.referral.DuplicateCheck.ELSEWHERE)
                .doesNotContain(existing.code())
                .doesNotContain("same phone");
        assertThat(view.preferredName.getValue()).isEqualTo("Form Person (fictional)");
    }

    @Test
    @WithUserDetails("counsellor1")
    void aRecentArrestOrSelfHarmRiskShowsAsUrgentWithTheReason() {
        var view = open();
        assertThat(view.urgentNotice.isVisible()).isFalse();
        _setValue(view.legalStatus, LegalStatus.UNDER_INVESTIGATION);
        assertThat(view.arrestedOn.isVisible()).isTrue();
        _setValue(view.arrestedOn, LocalDate.now(clock).minusDays(3));
        assertThat(view.urgentNotice.isVisible()).isTrue();
        assertThat(view.urgentNotice.getElement().getTextRecursively()).contains("very high risk of suicide");
        _setValue(view.arrestedOn, LocalDate.now(clock).minusDays(60));
        assertThat(view.urgentNotice.isVisible()).isFalse();
        _setValue(view.selfHarmRisk, true);
        assertThat(view.urgentNotice.getElement().getTextRecursively()).contains("risk of self-harm");
    }

    @Test
    @WithUserDetails("counsellor1")
    void emailIsAllowedOnlyWhenTickedAndNeedsAnAddress() {
        var view = open();
        fillValid(view, "Email Allowed (fictional)", "07700 966689", "");
        _setValue(view.emailOk, true);
        _click(view.save);
        assertThat(view.email.isInvalid()).isTrue();
        assertThat(view.email.getErrorMessage()).isEqualTo("Email is allowed: give the address to write to.");
        assertThat(view.emailOk.getValue()).isTrue();
        _setValue(view.email, "email.allowed@example.invalid");
        _click(view.save);
        _get(H1.class, spec -> spec.withText("Referral saved"));
        assertThat(jdbc.queryForObject(
                        "select count(*) from client where email_ok and preferred_name is not null "
                                + "and id = (select id from referral order by created_at desc limit 1)",
                        Long.class))
                .isEqualTo(1);
    }

    private ReferralFormView open() {
        UI.getCurrent().navigate(ReferralFormView.class);
        return _get(ReferralFormView.class);
    }

    private static void fillValid(ReferralFormView view, String name, String phone, String email) {
        _setValue(view.source, Source.SELF);
        _setValue(view.preferredName, name);
        _setValue(view.yearOfBirth, "1984");
        _setValue(view.postcodeDistrict, "ZZ9");
        _setValue(view.phone, phone);
        _setValue(view.email, email);
        _setValue(view.voicemailOk, true);
        _setValue(view.presentingConcern, Concern.THOUGHTS_OR_URGES);
        _setValue(view.legalStatus, LegalStatus.NONE_KNOWN);
        _setValue(view.accessToChildren, ChildAccess.NONE);
    }

    private long referralCount() {
        return jdbc.queryForObject("select count(*) from referral", Long.class);
    }
}

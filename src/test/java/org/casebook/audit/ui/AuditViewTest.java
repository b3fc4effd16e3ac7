package org.casebook.audit.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._assertNone;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.mvysny.kaributesting.v10.MockAccessDeniedException;
import com.vaadin.flow.component.UI;
import java.time.LocalDate;
import org.casebook.KaribuTest;
import org.casebook.audit.AuditAction;
import org.casebook.audit.AuditEntry;
import org.casebook.audit.AuditEvent;
import org.casebook.audit.AuditLog;
import org.casebook.audit.AuditOutcome;
import org.casebook.security.ui.LoginView;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.test.context.support.WithUserDetails;
import org.springframework.transaction.support.TransactionTemplate;

class AuditViewTest extends KaribuTest {

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    AuditLog auditLog;

    @Autowired
    TransactionTemplate transaction;

    /** Everything the lazy grid would show, fetched page by page as the browser would. */
    private static java.util.List<AuditEntry> rows(AuditView view) {
        return view.grid.getLazyDataView().getItems().toList();
    }

    private static AuditView open() {
        UI.getCurrent().navigate(AuditView.class);
        return _get(AuditView.class);
    }

    @Test
    void signedOutPersonLandsOnLogin() {
        UI.getCurrent().navigate(AuditView.class);
        _get(LoginView.class);
        _assertNone(AuditView.class);
    }

    @Test
    @WithUserDetails("counsellor1")
    void counsellorIsDeniedAndTheRefusalIsRecorded() {
        assertThatThrownBy(() -> UI.getCurrent().navigate(AuditView.class))
                .isInstanceOf(MockAccessDeniedException.class);
        var last = jdbc.queryForMap("select action, record_type, record_id, actor_username, outcome "
                + "from audit_entry order by seq desc limit 1");
        assertThat(last)
                .containsEntry("ACTION", "ACCESS_DENIED")
                .containsEntry("RECORD_TYPE", "view")
                .containsEntry("RECORD_ID", "/audit")
                .containsEntry("ACTOR_USERNAME", "counsellor1")
                .containsEntry("OUTCOME", "DENIED");
    }

    @Test
    @WithUserDetails("admin")
    void administratorSeesTheLogNewestFirstAndFiltersIt() {
        transaction.executeWithoutResult(status -> {
            auditLog.record(AuditEvent.of(AuditAction.VIEW, "client", "1").forClient("C1"));
            auditLog.record(
                    AuditEvent.of(AuditAction.ACCESS_DENIED, "view", "/x").withOutcome(AuditOutcome.DENIED));
        });
        var view = open();
        var rows = rows(view);
        assertThat(rows).hasSizeGreaterThan(1);
        assertThat(rows.get(0).seq()).isGreaterThan(rows.get(1).seq());

        assertThat(view.chaining.getText())
                .matches("Every entry is chained\\.|\\d+ entr(y is|ies are) waiting to be chained .*");

        view.action.setValue(AuditAction.ACCESS_DENIED);
        assertThat(rows(view)).isNotEmpty().allMatch(e -> e.action() == AuditAction.ACCESS_DENIED);
        assertThat(view.export.getHref()).isNotBlank();
    }

    @Test
    @WithUserDetails("admin")
    void anEndDateBeforeTheStartDateIsRefusedAtTheField() {
        var view = open();
        view.from.setValue(LocalDate.of(2026, 11, 20));
        view.to.setValue(LocalDate.of(2026, 11, 10));
        assertThat(view.to.isInvalid()).isTrue();
        assertThat(view.to.getErrorMessage()).isEqualTo("The end date is before the start date.");
        assertThat(view.from.getValue()).isEqualTo(LocalDate.of(2026, 11, 20));
    }

    @Test
    @WithUserDetails("admin")
    void administratorVerifiesIntegrity() {
        var view = open();
        view.verify.click();
        assertThat(view.verification.getText()).startsWith("The audit log is intact");
        assertThat(view.verification.getClassNames()).contains("intact");
    }

    @Test
    @WithUserDetails("supervisor")
    void supervisorSeesTheirTeamsEntriesButCannotVerify() {
        var view = open();
        assertThat(view.verify.isAttached()).isFalse();
        assertThat(rows(view))
                .extracting(AuditEntry::actorUsername)
                .allMatch(name -> name.equals("supervisor") || name.startsWith("counsellor"));
    }

    @Test
    @WithUserDetails("admin")
    void aDateNoAuditSearchCanUseIsAMessageAtItsFieldNotAnError() {
        var view = open();
        var before = rows(view).size();
        // What a tampered request can send: the picker's min and max are only advice to the browser.
        view.from.setValue(LocalDate.MIN);
        assertThat(view.from.isInvalid()).isTrue();
        assertThat(view.from.getErrorMessage()).startsWith("Enter a date between");
        // The same unfiltered list, plus the audit entry of the search that counted it the first time.
        // (The grid's lazy view stops at the service's page of 500 once the shared test database holds more.)
        assertThat(rows(view)).hasSize(Math.min(before + 1, 500));
        view.from.setValue(null);
        view.to.setValue(LocalDate.of(1, 1, 1));
        assertThat(view.to.getErrorMessage()).startsWith("Enter a date between");
        assertThat(view.from.getMin()).isNotNull();
    }
}

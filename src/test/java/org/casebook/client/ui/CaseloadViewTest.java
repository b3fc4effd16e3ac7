package org.casebook.client.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static com.github.mvysny.kaributesting.v10.LocatorJ._setValue;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.mvysny.kaributesting.v10.ElementUtilsKt;
import com.github.mvysny.kaributesting.v10.GridKt;
import com.github.mvysny.kaributesting.v10.MockAccessDeniedException;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.data.provider.SortDirection;
import com.vaadin.flow.dom.DomEvent;
import com.vaadin.flow.internal.JacksonUtils;
import java.time.LocalDate;
import java.util.List;
import org.casebook.KaribuTest;
import org.casebook.client.CaseloadRow;
import org.casebook.client.TestClients;
import org.casebook.security.ui.LoginView;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.test.context.support.WithUserDetails;

class CaseloadViewTest extends KaribuTest {

    @Autowired
    TestClients testClients;

    @Test
    void signedOutPersonLandsOnLogin() {
        UI.getCurrent().navigate(CaseloadView.class);
        _get(LoginView.class);
    }

    @Test
    @WithUserDetails("admin")
    void administratorIsDenied() {
        assertThatThrownBy(() -> UI.getCurrent().navigate(CaseloadView.class))
                .isInstanceOf(MockAccessDeniedException.class);
    }

    @Test
    @WithUserDetails("counsellor1")
    void counsellorSeesTheirClientsByCodeAndSearches() {
        var mine = testClients.activeWith("counsellor1");
        var theirs = testClients.activeWith("counsellor2");
        UI.getCurrent().navigate(CaseloadView.class);
        var view = _get(CaseloadView.class);
        assertThat(codes(view)).contains(mine.code()).doesNotContain(theirs.code());
        var row = rows(view).stream()
                .filter(r -> r.code().equals(mine.code()))
                .findFirst()
                .orElseThrow();
        assertThat(GridKt._getFormattedRow(view.grid, rows(view).indexOf(row)))
                .contains(mine.code(), "Active", "Casey Counsellor (demo)");

        _setValue(view.search, mine.code());
        assertThat(codes(view)).containsExactly(mine.code());
    }

    @Test
    @WithUserDetails("counsellor1")
    void clickingARowOpensTheClientPage() {
        var mine = testClients.assignedTo("counsellor1");
        UI.getCurrent().navigate(CaseloadView.class);
        var view = _get(CaseloadView.class);
        _setValue(view.search, mine.code());
        GridKt._clickItem(view.grid, 0);
        assertThat(_get(ClientView.class).details().code()).isEqualTo(mine.code());
    }

    @Test
    @WithUserDetails("counsellor1")
    void searchFindsAClientByPreferredNameAmongThoseThePersonMaySeeOnly() {
        var mine = testClients.assignedTo("counsellor1");
        var theirs = testClients.assignedTo("counsellor2");
        UI.getCurrent().navigate(CaseloadView.class);
        var view = _get(CaseloadView.class);
        // Every test client is called "Test Person (fictional)"; the name is matched, never shown.
        _setValue(view.search, "test PERSON");
        assertThat(codes(view)).contains(mine.code()).doesNotContain(theirs.code());
        assertThat(view.grid.getElement().getTextRecursively()).doesNotContain("Test Person");

        _setValue(view.search, "Nobody Of That Name");
        assertThat(codes(view)).isEmpty();
        assertThat(view.grid.getEmptyStateText()).contains("No client matches", "clear the search");
    }

    @Test
    @WithUserDetails("counsellor1")
    void columnsSortInTheDatabase() {
        testClients.assignedTo("counsellor1");
        testClients.assignedTo("counsellor1");
        UI.getCurrent().navigate(CaseloadView.class);
        var view = _get(CaseloadView.class);
        GridKt._sortByKey(view.grid, "code", SortDirection.ASCENDING);
        assertThat(codes(view)).hasSizeGreaterThan(1).isSorted();
        GridKt._sortByKey(view.grid, "code", SortDirection.DESCENDING);
        assertThat(codes(view)).isSortedAccordingTo(java.util.Comparator.reverseOrder());
    }

    @Test
    @WithUserDetails("counsellor1")
    void enterOnAFocusedRowOpensTheClientPage() {
        var mine = testClients.assignedTo("counsellor1");
        UI.getCurrent().navigate(CaseloadView.class);
        var view = _get(CaseloadView.class);
        _setValue(view.search, mine.code());
        view.focused = rows(view).getFirst();
        var enter = JacksonUtils.createObjectNode();
        enter.put(CaseloadView.ENTER, true);
        ElementUtilsKt._fireDomEvent(view.grid.getElement(), new DomEvent(view.grid.getElement(), "keydown", enter));
        assertThat(_get(ClientView.class).details().code()).isEqualTo(mine.code());
    }

    @Test
    @WithUserDetails("counsellor1")
    void anOverduePlanReviewIsMarked() {
        UI.getCurrent().navigate(CaseloadView.class);
        var view = _get(CaseloadView.class);
        var row = rows(view).getFirst();
        var late = new CaseloadRow(
                row.id(),
                row.code(),
                row.status(),
                row.counsellor(),
                row.riskToOthers(),
                row.riskToSelf(),
                row.nextAppointment(),
                LocalDate.of(2000, 1, 1),
                row.receivedOn());
        var due = new CaseloadRow(
                row.id(),
                row.code(),
                row.status(),
                row.counsellor(),
                row.riskToOthers(),
                row.riskToSelf(),
                row.nextAppointment(),
                LocalDate.of(2100, 1, 1),
                row.receivedOn());
        assertThat(view.overdue(late)).isTrue();
        assertThat(view.overdue(due)).isFalse();
        assertThat(view.grid
                        .getColumnByKey("planReviewDue")
                        .getPartNameGenerator()
                        .apply(late))
                .isEqualTo("overdue");
    }

    private static List<CaseloadRow> rows(CaseloadView view) {
        return view.grid.getLazyDataView().getItems().toList();
    }

    private static List<String> codes(CaseloadView view) {
        return rows(view).stream().map(CaseloadRow::code).toList();
    }
}

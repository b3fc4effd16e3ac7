package org.casebook.client.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static com.github.mvysny.kaributesting.v10.LocatorJ._setValue;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.mvysny.kaributesting.v10.GridKt;
import com.github.mvysny.kaributesting.v10.MockAccessDeniedException;
import com.vaadin.flow.component.UI;
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
        var row = rows(view).stream().filter(r -> r.code().equals(mine.code())).findFirst().orElseThrow();
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

    private static List<CaseloadRow> rows(CaseloadView view) {
        return view.grid.getLazyDataView().getItems().toList();
    }

    private static List<String> codes(CaseloadView view) {
        return rows(view).stream().map(CaseloadRow::code).toList();
    }
}

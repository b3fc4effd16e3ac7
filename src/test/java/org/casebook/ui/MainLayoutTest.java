package org.casebook.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.sidenav.SideNavItem;
import org.casebook.KaribuTest;
import org.junit.jupiter.api.Test;
import org.springframework.security.test.context.support.WithUserDetails;

class MainLayoutTest extends KaribuTest {

    @Test
    @WithUserDetails("counsellor1")
    void shellShowsWhoIsSignedInAndInWhichRole() {
        UI.getCurrent().navigate(HomeView.class);
        var layout = _get(MainLayout.class);
        assertThat(layout.userName.getText()).isEqualTo("Casey Counsellor (demo)");
        assertThat(layout.userRoles.getText()).isEqualTo("Counsellor");
        // The account's own items live in the user menu in the header, not in the main menu.
        assertThat(layout.userMenu.getItems().getFirst().getSubMenu().getItems())
                .extracting(item -> item.getElement().getTextRecursively())
                .containsExactly("Change password", "Sign out");
        com.github.mvysny.kaributesting.v10.ContextMenuKt._click(layout.userMenu, layout.changePassword);
        _get(org.casebook.security.ui.ChangePasswordView.class);
    }

    @Test
    @WithUserDetails("admin")
    void menuListsOnlyWhatThePersonMayOpen() {
        UI.getCurrent().navigate(HomeView.class);
        var layout = _get(MainLayout.class);
        var labels = layout.menu.getItems().stream().map(SideNavItem::getLabel).toList();
        assertThat(labels).containsExactly("Home", "Staff accounts", "Data retention", "Audit log");
        assertThat(layout.userRoles.getText()).isEqualTo("Administrator");
    }

    @Test
    @WithUserDetails("counsellor2")
    void counsellorsMenuHasNoAuditLog() {
        UI.getCurrent().navigate(HomeView.class);
        var labels = _get(MainLayout.class).menu.getItems().stream()
                .map(SideNavItem::getLabel)
                .toList();
        assertThat(labels)
                .containsExactly(
                        "Home",
                        "Caseload",
                        "Appointments",
                        "Calendar",
                        "New referral",
                        "Re-consent",
                        "Contacts",
                        "Safeguarding",
                        "Supervision records");
    }

    @Test
    @WithUserDetails("supervisor")
    void everyPageASupervisorMayUseIsInTheMenu() {
        UI.getCurrent().navigate(HomeView.class);
        var labels = _get(MainLayout.class).menu.getItems().stream()
                .map(SideNavItem::getLabel)
                .toList();
        assertThat(labels)
                .containsExactly(
                        "Home",
                        "Caseload",
                        "Calendar",
                        "New referral",
                        "Waiting list",
                        "Re-consent",
                        "Contacts",
                        "Safeguarding",
                        "Supervision",
                        "Break-glass reviews",
                        "Supervision records",
                        "Data retention",
                        "Data requests",
                        "Audit log");
    }

    @Test
    @WithUserDetails("supervisor")
    void idleWarningWaitsThirteenMinutesAndStaySignedInDismissesIt() {
        UI.getCurrent().navigate(HomeView.class);
        var layout = _get(MainLayout.class);
        assertThat(layout.idleWarningDelay()).isEqualTo(java.time.Duration.ofMinutes(13));
        assertThat(layout.idleWarning.getElement().hasAttribute("hidden")).isTrue();
        layout.idleWarning.getElement().removeAttribute("hidden"); // as the browser's timer would
        layout.staySignedIn.click();
        assertThat(layout.idleWarning.getElement().hasAttribute("hidden")).isTrue();
    }
}

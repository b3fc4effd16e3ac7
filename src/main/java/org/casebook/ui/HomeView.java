package org.casebook.ui;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.PermitAll;
import java.time.ZonedDateTime;
import java.util.Comparator;
import java.util.List;
import org.casebook.security.CurrentUser;
import org.casebook.security.Role;
import org.casebook.security.StaffService;
import org.casebook.security.StaffUser;
import org.casebook.time.CharityClock;

/** The first page after sign-in: a greeting and what each of the person's roles does here. */
@Route("")
@PageTitle("Home | Casebook")
@Menu(order = 0, title = "Home", icon = "vaadin:home")
@PermitAll
public class HomeView extends VerticalLayout {

    final H1 greeting = new H1();

    HomeView(CurrentUser currentUser, StaffService staff, CharityClock charity, List<HomeSection> sections) {
        addClassName("home-view");
        var user = currentUser.require();
        greeting.setText(greetingFor(charity.now()) + ", " + firstName(user) + ".");
        add(greeting);
        sections.stream()
                .sorted(Comparator.comparingInt(HomeSection::order))
                .flatMap(section -> section.create(user).stream())
                .forEach(this::add);

        if (user.hasRole(Role.COUNSELLOR)) {
            add(roleCard(
                    "counsellor",
                    "Your caseload",
                    "As a counsellor you hold a caseload and see only the clients assigned to you. You take "
                            + "referrals, record sessions and notes, and keep each client's risk-minimisation plan."));
        }
        if (user.hasRole(Role.SUPERVISOR)) {
            var card = roleCard(
                    "supervisor",
                    "Your team",
                    "As a supervisor you lead a team of counsellors: you review their caseloads, co-sign notes, "
                            + "decide on safeguarding concerns, and assign or reassign work.");
            var members = staff.myTeam();
            if (members.isEmpty()) {
                card.add(new Paragraph("No counsellors are in your team yet. An administrator assigns teams."));
            } else {
                var list = new UnorderedList();
                list.addClassName("team-list");
                members.forEach(m -> list.add(new ListItem(m.displayName())));
                card.add(list);
            }
            add(card);
        }
        if (user.hasRole(Role.ADMIN)) {
            var overview = staff.accountOverview();
            var card = roleCard(
                    "admin",
                    "Accounts and access",
                    "As an administrator you manage staff accounts, roles, teams and access. You cannot open "
                            + "clinical records: keeping those duties apart protects clients.");
            card.add(new Paragraph("Active accounts: %d (counsellors %d, supervisors %d, administrators %d)."
                    .formatted(
                            overview.activeAccounts(),
                            overview.counsellors(),
                            overview.supervisors(),
                            overview.administrators())));
            add(card);
        }
    }

    private static Div roleCard(String role, String title, String text) {
        var card = new Div(new H2(title), new Paragraph(text));
        card.addClassNames("role-card", "role-card-" + role);
        return card;
    }

    static String greetingFor(ZonedDateTime now) {
        int hour = now.getHour();
        if (hour < 12) {
            return "Good morning";
        }
        return hour < 18 ? "Good afternoon" : "Good evening";
    }

    private static String firstName(StaffUser user) {
        var name = user.displayName();
        int space = name.indexOf(' ');
        return space > 0 ? name.substring(0, space) : name;
    }
}

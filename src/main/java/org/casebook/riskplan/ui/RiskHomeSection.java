package org.casebook.riskplan.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.UnorderedList;
import java.util.Optional;
import org.casebook.riskplan.PlanService;
import org.casebook.security.Role;
import org.casebook.security.StaffUser;
import org.casebook.ui.HomeSection;

/**
 * On the home view of counsellors and supervisors: plan reviews that are overdue (their own clients, and for a
 * supervisor their teams'), and clients to check in with around a date that raises their risk to self (from
 * {@value #DAYS_BEFORE} days before to {@value #DAYS_AFTER} days after).
 */
@org.springframework.stereotype.Component
class RiskHomeSection implements HomeSection {

    static final int DAYS_BEFORE = org.casebook.riskplan.CheckIn.DAYS_BEFORE;
    static final int DAYS_AFTER = org.casebook.riskplan.CheckIn.DAYS_AFTER;

    private final PlanService plans;

    RiskHomeSection(PlanService plans) {
        this.plans = plans;
    }

    @Override
    public int order() {
        return 20;
    }

    @Override
    public Optional<Component> create(StaffUser user) {
        if (!user.hasRole(Role.COUNSELLOR) && !user.hasRole(Role.SUPERVISOR)) {
            return Optional.empty();
        }
        var checkIns = plans.checkInsDue(DAYS_BEFORE, DAYS_AFTER);
        var overdue = plans.overdueReviews();
        if (checkIns.isEmpty() && overdue.isEmpty()) {
            return Optional.empty();
        }
        var section = new Div();
        section.addClassName("risk-home");
        if (!checkIns.isEmpty()) {
            var card = new Div(
                    new H2("Check in with these clients"),
                    new Paragraph("A date that raises their risk to self is close. Check in before and just after."));
            card.addClassNames("role-card", "check-ins");
            var list = new UnorderedList();
            checkIns.forEach(c -> list.add(new ListItem(
                    new Anchor("plan/" + c.code(), c.code()),
                    new com.vaadin.flow.component.html.Span(
                            ": " + c.kind().label() + " on " + PlanView.DAY.format(c.on())))));
            card.add(list);
            section.add(card);
        }
        if (!overdue.isEmpty()) {
            long total =
                    overdue.size() < PlanService.OVERDUE_REVIEWS_SHOWN ? overdue.size() : plans.overdueReviewCount();
            var card = new Div(new H2("Plan reviews overdue (" + total + ")"));
            if (total > overdue.size()) {
                card.add(new Paragraph("The " + overdue.size() + " most overdue of " + total + "."));
            }
            card.addClassNames("role-card", "overdue-reviews");
            var list = new UnorderedList();
            overdue.forEach(o -> list.add(new ListItem(
                    new Anchor("plan/" + o.code(), o.code()),
                    new com.vaadin.flow.component.html.Span(": due " + PlanView.DAY.format(o.due())
                            + (user.hasRole(Role.SUPERVISOR) ? " (" + o.counsellor() + ")" : "")))));
            card.add(list);
            section.add(card);
        }
        return Optional.of(section);
    }
}

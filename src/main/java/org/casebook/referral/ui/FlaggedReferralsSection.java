package org.casebook.referral.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.UnorderedList;
import java.util.Optional;
import org.casebook.referral.ReferralService;
import org.casebook.security.Role;
import org.casebook.security.StaffUser;
import org.casebook.ui.HomeSection;

/**
 * On a supervisor's home page, first: referrals of their team that disclosed an identifiable child at risk
 * and are not yet triaged.
 */
@org.springframework.stereotype.Component
class FlaggedReferralsSection implements HomeSection {

    private final ReferralService referrals;

    FlaggedReferralsSection(ReferralService referrals) {
        this.referrals = referrals;
    }

    @Override
    public int order() {
        // Straight below the open safeguarding concerns alert (order 1), which always leads.
        return 2;
    }

    @Override
    public Optional<Component> create(StaffUser user) {
        if (!user.hasRole(Role.SUPERVISOR)) {
            return Optional.empty();
        }
        var flagged = referrals.flaggedChildAtRisk();
        if (flagged.isEmpty()) {
            return Optional.empty();
        }
        var list = new UnorderedList();
        flagged.forEach(f -> list.add(new ListItem(
                new Anchor("client/" + f.code(), f.code()),
                new com.vaadin.flow.component.html.Span(", received " + WaitingListView.DAY.format(f.receivedOn())))));
        var card = new Div(
                new H2("Child at risk: referrals to triage now"),
                new Paragraph(
                        "These referrals disclosed an identifiable child at risk and were reported for safeguarding when they "
                                + "were taken. Triage them before anything else."),
                list);
        card.addClassNames("role-card", "child-at-risk-alert");
        return Optional.of(card);
    }
}

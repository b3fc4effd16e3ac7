package org.casebook.riskplan.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.icon.VaadinIcon;
import java.util.Optional;
import org.casebook.riskplan.SafeguardingService;
import org.casebook.security.Role;
import org.casebook.security.StaffUser;
import org.casebook.ui.HomeSection;

/** At the top of every supervisor's home view while any safeguarding concern is open. */
@org.springframework.stereotype.Component
class SafeguardingHomeSection implements HomeSection {

    private final SafeguardingService safeguarding;

    SafeguardingHomeSection(SafeguardingService safeguarding) {
        this.safeguarding = safeguarding;
    }

    @Override
    public int order() {
        return 1;
    }

    @Override
    public Optional<Component> create(StaffUser user) {
        if (!user.hasRole(Role.SUPERVISOR)) {
            return Optional.empty();
        }
        var open = safeguarding.openConcerns();
        if (open.open() == 0) {
            return Optional.empty();
        }
        var banner = new Div();
        banner.addClassName("safeguarding-alert");
        if (open.immediate() > 0) {
            banner.addClassName("safeguarding-alert-immediate");
        }
        banner.add(new H2(
                VaadinIcon.WARNING.create(),
                new com.vaadin.flow.component.html.Span(" " + open.open()
                        + (open.open() == 1 ? " open safeguarding concern" : " open safeguarding concerns"))));
        banner.add(new Paragraph(
                (open.immediate() > 0 ? open.immediate() + " with a child or adult in IMMEDIATE DANGER. " : "")
                        + open.myTeams() + " about clients of your team."));
        banner.add(new Anchor("safeguarding", "Open the safeguarding queue"));
        return Optional.of(banner);
    }
}

package org.casebook.riskplan.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import java.time.ZoneId;
import org.casebook.client.ClientAccess;
import org.casebook.client.ClientPageSection;
import org.casebook.riskplan.PlanService;
import org.casebook.ui.Dates;
import org.springframework.beans.factory.annotation.Value;

/** On the client page: the plan's current ratings and review date, with a link. */
@org.springframework.stereotype.Component
class PlanClientSection implements ClientPageSection {

    private final PlanService plans;
    private final ZoneId zone;

    PlanClientSection(PlanService plans, @Value("${casebook.time-zone}") ZoneId zone) {
        this.plans = plans;
        this.zone = zone;
    }

    @Override
    public int order() {
        return 30;
    }

    @Override
    public Component create(ClientAccess access) {
        var plan = new VerticalLayout(new H2("Risk-minimisation plan"));
        plan.addClassNames("card", "plan-summary");
        plan.setSpacing(false);
        var summary = plans.summary(access.code());
        if (summary.isEmpty()) {
            plan.add(new Paragraph("No plan yet."));
            plan.add(new Anchor("plan/" + access.code(), "Write the plan"));
        } else {
            var s = summary.get();
            plan.add(new Paragraph("Version " + s.version() + ", saved by " + s.changedBy() + " on "
                    + Dates.when(s.changedAt(), zone) + "."));
            plan.add(new Paragraph("Risk to others: " + s.toOthers().label() + ". Risk to self: "
                    + s.toSelf().label() + ". Next review: " + Dates.day(s.nextReview()) + "."));
            if (s.overdue()) {
                var overdue = new Span("Review overdue");
                overdue.getElement().getThemeList().add("badge error primary");
                plan.add(overdue);
            }
            plan.add(new Anchor("plan/" + access.code(), "Open the plan"));
        }
        return plan;
    }
}

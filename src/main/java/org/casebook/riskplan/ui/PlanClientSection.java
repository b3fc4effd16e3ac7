package org.casebook.riskplan.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import java.time.ZoneId;
import org.casebook.client.ClientAccess;
import org.casebook.client.ClientPageSection;
import org.casebook.riskplan.PlanService;
import org.casebook.riskplan.SafeguardingService;
import org.springframework.beans.factory.annotation.Value;

/** On the client page: the plan's current ratings and review date with a link, and the client's safeguarding concerns. */
@org.springframework.stereotype.Component
class PlanClientSection implements ClientPageSection {

    private final PlanService plans;
    private final SafeguardingService safeguarding;
    private final ZoneId zone;

    PlanClientSection(PlanService plans, SafeguardingService safeguarding, @Value("${casebook.time-zone}") ZoneId zone) {
        this.plans = plans;
        this.safeguarding = safeguarding;
        this.zone = zone;
    }

    @Override
    public int order() {
        return 30;
    }

    @Override
    public Component create(ClientAccess access) {
        var wrapper = new Div();
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
                    + PlanView.WHEN.format(s.changedAt().atZone(zone)) + "."));
            plan.add(new Paragraph("Risk to others: " + s.toOthers().label() + ". Risk to self: " + s.toSelf().label()
                    + ". Next review: " + PlanView.DAY.format(s.nextReview()) + "."));
            if (s.overdue()) {
                var overdue = new Span("Review overdue");
                overdue.getElement().getThemeList().add("badge error primary");
                plan.add(overdue);
            }
            plan.add(new Anchor("plan/" + access.code(), "Open the plan"));
        }
        var concerns = new VerticalLayout(new H2("Safeguarding concerns"));
        concerns.addClassNames("card", "client-concerns");
        concerns.setSpacing(false);
        var rows = safeguarding.forClient(access.code());
        if (rows.isEmpty()) {
            concerns.add(new Paragraph("None raised."));
        }
        rows.forEach(r -> {
            var line = new Div(SafeguardingView.danger(r), new Span(" "), SafeguardingView.status(r),
                    new Span(" " + r.category().label() + ", raised " + PlanView.WHEN.format(r.raisedAt().atZone(zone))
                            + " "), new Anchor("safeguarding/concern/" + r.id(), "Open"));
            line.addClassName("client-concern");
            concerns.add(line);
        });
        var raise = new Button("Raise a safeguarding concern", c -> c.getSource().getUI()
                .ifPresent(ui -> ui.navigate("safeguarding/new/" + access.code())));
        raise.addThemeVariants(ButtonVariant.LUMO_ERROR);
        concerns.add(raise);
        wrapper.add(plan, concerns);
        return wrapper;
    }
}

package org.casebook.riskplan.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import java.time.ZoneId;
import java.util.List;
import org.casebook.client.ClientAccess;
import org.casebook.client.ClientPageAction;
import org.casebook.client.ClientPageSection;
import org.casebook.riskplan.ConcernRow;
import org.casebook.riskplan.ConcernStatus;
import org.casebook.riskplan.SafeguardingService;
import org.casebook.ui.Dates;
import org.springframework.beans.factory.annotation.Value;

/**
 * On the client page: the client's safeguarding concerns. While one is open and in immediate danger the card
 * comes first on the page.
 */
@org.springframework.stereotype.Component
class ConcernsClientSection implements ClientPageSection {

    private final SafeguardingService safeguarding;
    private final ZoneId zone;

    ConcernsClientSection(SafeguardingService safeguarding, @Value("${casebook.time-zone}") ZoneId zone) {
        this.safeguarding = safeguarding;
        this.zone = zone;
    }

    @Override
    public int order() {
        return 25;
    }

    @Override
    public Component create(ClientAccess access) {
        return new ConcernsCard(safeguarding.forClient(access.code()), zone);
    }

    /** The card; urgent while a concern in immediate danger is open. */
    static class ConcernsCard extends VerticalLayout implements ClientPageAction.Urgent {

        private final boolean urgent;

        ConcernsCard(List<ConcernRow> rows, ZoneId zone) {
            add(new H2("Safeguarding concerns"));
            addClassNames("card", "client-concerns");
            setSpacing(false);
            urgent = rows.stream().anyMatch(r -> r.immediate() && r.status() != ConcernStatus.CLOSED);
            if (urgent) {
                addClassName("urgent");
            }
            if (rows.isEmpty()) {
                add(new Paragraph("None raised."));
            }
            rows.forEach(r -> {
                var line = new Div(
                        SafeguardingView.danger(r),
                        new Span(" "),
                        SafeguardingView.status(r),
                        new Span(" " + r.category().label() + ", raised " + Dates.when(r.raisedAt(), zone) + " "),
                        new Anchor("safeguarding/concern/" + r.id(), "Open"));
                line.addClassName("client-concern");
                add(line);
            });
        }

        @Override
        public boolean urgent() {
            return urgent;
        }
    }
}

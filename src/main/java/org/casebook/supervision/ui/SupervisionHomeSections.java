package org.casebook.supervision.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.router.RouterLink;
import java.util.Optional;
import org.casebook.client.BreakGlassReviews;
import org.casebook.security.Role;
import org.casebook.security.StaffUser;
import org.casebook.supervision.SupervisionRecords;
import org.casebook.ui.HomeSection;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The supervision module's parts of the home view. */
@Configuration(proxyBeanMethods = false)
class SupervisionHomeSections {

    /** For supervisors: how many break-glass accesses wait for their review, prominent while any do. */
    @Bean
    HomeSection breakGlassReviewsSection(BreakGlassReviews reviews) {
        return new HomeSection() {
            // After the safeguarding alert (1) and flagged referrals (2), before the day's work (10 and up).
            @Override
            public int order() {
                return 5;
            }

            @Override
            public Optional<Component> create(StaffUser user) {
                if (!user.hasRole(Role.SUPERVISOR)) {
                    return Optional.empty();
                }
                var pending = reviews.pendingCount();
                var card = new Div(new H2("Break-glass reviews"));
                card.addClassNames("home-card", "break-glass-home");
                if (pending > 0) {
                    card.addClassName("attention");
                }
                card.add(new Paragraph(
                        pending == 0
                                ? "No break-glass access waits for your review."
                                : pending + (pending == 1 ? " break-glass access waits" : " break-glass accesses wait")
                                        + " for your review."));
                card.add(new RouterLink(
                        pending == 0 ? "See past reviews" : "Review them now", BreakGlassQueueView.class));
                return Optional.of(card);
            }
        };
    }

    /** For counsellors: a way to their own supervision records, once there are any. */
    @Bean
    HomeSection supervisionRecordsSection(SupervisionRecords records) {
        return new HomeSection() {
            @Override
            public int order() {
                return 80;
            }

            @Override
            public Optional<Component> create(StaffUser user) {
                if (!user.hasRole(Role.COUNSELLOR) || user.hasRole(Role.SUPERVISOR)) {
                    return Optional.empty();
                }
                var count = records.mine().size();
                if (count == 0) {
                    return Optional.empty();
                }
                var card = new Div(
                        new H2("Your supervision"),
                        new Paragraph(count + (count == 1 ? " supervision record" : " supervision records")
                                + " of your sessions with your supervisor."),
                        new RouterLink("Read your supervision records", SupervisionRecordsView.class));
                card.addClassNames("home-card", "supervision-home");
                return Optional.of(card);
            }
        };
    }
}

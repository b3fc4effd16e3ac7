package org.casebook.referral.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextArea;
import org.casebook.client.AccessBasis;
import org.casebook.client.ClientAccess;
import org.casebook.client.ClientPageAction;
import org.casebook.client.ClientPageSection;
import org.casebook.referral.ReferralChoices.ClosureReason;
import org.casebook.referral.ReferralService;
import org.casebook.referral.ReferralViews.ReferralDetails;
import org.casebook.security.StaffMember;
import org.casebook.validation.InvalidFields;
import org.jspecify.annotations.Nullable;

/**
 * The referral on the client page, and the case actions: closing (its counsellor or supervisor) and, for
 * the team's supervisor, excluding a member of staff.
 */
@org.springframework.stereotype.Component
class ReferralSection implements ClientPageSection {

    private final ReferralService referrals;

    ReferralSection(ReferralService referrals) {
        this.referrals = referrals;
    }

    @Override
    public int order() {
        return 10;
    }

    @Override
    public Component create(ClientAccess access) {
        return new ReferralCard(referrals, access);
    }

    /** The card itself; its fields are reachable from tests in this package. */
    static class ReferralCard extends VerticalLayout implements ClientPageAction.Offered {

        static final String CLOSE = "Close the case";
        static final String EXCLUDE = "Exclude a member of staff";
        final ComboBox<ClosureReason> closureReason = new ComboBox<>("Why the case closes");
        final TextArea closingSummary = new TextArea("Closing summary");
        final ComboBox<StaffMember> excluded = new ComboBox<>("Who must not work with this client");
        final TextArea exclusionReason = new TextArea("Why (conflict of interest)");
        final Div dialogError = new Div();
        final Button confirm = new Button();

        private final ReferralService referrals;
        private final ClientAccess access;
        private String done = "";

        ReferralCard(ReferralService referrals, ClientAccess access) {
            this.referrals = referrals;
            this.access = access;
            addClassNames("card", "referral-card");
            setSpacing(false);
            add(new H2("Referral"));
            referrals
                    .referral(access.code())
                    .ifPresentOrElse(this::show, () -> add(new Span("No referral is recorded for this client.")));
            closureReason.setItems(ClosureReason.values());
            closureReason.setItemLabelGenerator(ClosureReason::label);
            closingSummary.setWidthFull();
            exclusionReason.setWidthFull();
            excluded.setItemLabelGenerator(StaffMember::displayName);
            dialogError.addClassName("form-error");
        }

        /** For the client page's "More" menu: closing (its counsellor or supervisor), excluding (the team's supervisor). */
        @Override
        public java.util.List<ClientPageAction> moreActions() {
            var offered = new java.util.ArrayList<ClientPageAction>();
            if (access.status().isOpen() && access.basis() != AccessBasis.BREAK_GLASS) {
                offered.add(new ClientPageAction(CLOSE, this::openClose));
            }
            if (access.basis() == AccessBasis.TEAM && access.status().isOpen()) {
                offered.add(new ClientPageAction(EXCLUDE, this::openExclude));
            }
            return offered;
        }

        private void show(ReferralDetails r) {
            if (r.childAtRisk()) {
                var flag = new Div(
                        VaadinIcon.WARNING.create(),
                        new Span(" Child at risk disclosed at referral: " + orNone(r.childAtRiskDetails())));
                flag.addClassName("child-at-risk-flag");
                add(flag);
            }
            if (r.urgentBecause() != null) {
                var urgent = new Div(
                        VaadinIcon.EXCLAMATION_CIRCLE.create(), new Span(" Urgent: " + r.urgentBecause() + "."));
                urgent.addClassName("urgent-notice");
                add(urgent);
            }
            add(
                    fact(
                            "Source",
                            r.source().label() + (r.referrerContact() == null ? "" : " (" + r.referrerContact() + ")")),
                    fact("Received", WaitingListView.DAY.format(r.receivedOn())),
                    fact("Presenting concern", r.presentingConcern().label()),
                    fact(
                            "Legal status",
                            r.legalStatus().label()
                                    + (r.arrestedOn() == null
                                            ? ""
                                            : ", arrested " + WaitingListView.DAY.format(r.arrestedOn()))),
                    fact("Access to children", r.accessToChildren().label()),
                    fact("Risk of self-harm", r.selfHarmRisk() ? "Yes" : "None disclosed"),
                    fact("Urgency", r.urgency().label()),
                    fact("Summary", orNone(r.summary())));
            if (r.eligible() != null) {
                add(fact("Triage", (r.eligible() ? "Eligible" : "Not eligible") + ": " + orNone(r.triageReason())));
            }
        }

        private void openClose() {
            closureReason.clear();
            closingSummary.clear();
            var dialog = dialog("Close " + access.code(), closureReason, closingSummary);
            confirm.setText("Close the case");
            done = "Case closed: " + access.code();
            onConfirm(dialog, () -> {
                if (closureReason.getValue() == null) {
                    throw new InvalidFields("reason", "Choose why the case closes.");
                }
                referrals.close(access.code(), closureReason.getValue(), closingSummary.getValue());
            });
        }

        private void openExclude() {
            excluded.setItems(referrals.exclusionOptions(access.code()));
            excluded.clear();
            exclusionReason.clear();
            var dialog = dialog(
                    "Exclude from " + access.code(),
                    new Span("The person excluded is never offered this "
                            + "client and can never open it, not even by break-glass."),
                    excluded,
                    exclusionReason);
            confirm.setText("Exclude");
            done = "Excluded from " + access.code();
            onConfirm(dialog, () -> {
                if (excluded.getValue() == null) {
                    throw new InvalidFields("staff", "Choose who is excluded.");
                }
                referrals.exclude(access.code(), excluded.getValue().id(), exclusionReason.getValue());
            });
        }

        private Dialog dialog(String title, Component... content) {
            var dialog = new Dialog();
            dialog.setHeaderTitle(title);
            dialog.setWidth("34em");
            dialog.add(content);
            dialogError.setVisible(false);
            dialog.add(dialogError);
            confirm.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
            dialog.getFooter().add(new Button("Cancel", c -> dialog.close()), confirm);
            dialog.open();
            return dialog;
        }

        /** The one confirm button serves whichever dialog is open; its action ends with that dialog. */
        private void onConfirm(Dialog dialog, Runnable action) {
            var registration = confirm.addClickListener(c -> attempt(dialog, action));
            dialog.addOpenedChangeListener(e -> {
                if (!e.isOpened()) {
                    registration.remove();
                    dialog.removeFromParent();
                }
            });
        }

        private void attempt(Dialog dialog, Runnable action) {
            try {
                action.run();
            } catch (InvalidFields
                    | IllegalStateException
                    | org.springframework.security.access.AccessDeniedException refused) {
                dialogError.setText(refused.getMessage());
                dialogError.setVisible(true);
                return;
            }
            dialog.close();
            org.casebook.ui.Feedback.done(done);
            UI.getCurrent().navigate("client/" + access.code());
        }

        private static Component fact(String label, String value) {
            var term = new Span(label + ": ");
            term.addClassName("fact-label");
            return new Div(term, new Span(value));
        }

        private static String orNone(@Nullable String value) {
            return value == null ? "Not given" : value;
        }
    }
}

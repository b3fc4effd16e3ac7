package org.casebook.dataprotection.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.BeforeEvent;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.HasUrlParameter;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.streams.DownloadHandler;
import com.vaadin.flow.server.streams.DownloadResponse;
import jakarta.annotation.security.RolesAllowed;
import java.io.ByteArrayInputStream;
import java.time.ZoneId;
import java.util.Map;
import java.util.UUID;
import org.casebook.client.PersonalDetail;
import org.casebook.dataprotection.DataRequestRow;
import org.casebook.dataprotection.DataRequestService;
import org.casebook.dataprotection.RectificationRow;
import org.casebook.dataprotection.ReviewItem;
import org.casebook.dataprotection.SubjectAccessService;
import org.casebook.security.ReAuthentication;
import org.casebook.security.Roles;
import org.casebook.security.ui.ReAuthenticationDialog;
import org.casebook.ui.FieldMessages;
import org.casebook.validation.InvalidFields;
import org.casebook.validation.Text;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Value;

/**
 * One request: for subject access, the review of everything held (withhold items or passages, release
 * safeguarding items) and the export; for erasure, the decision with its reason; for rectification, the
 * corrections and the record's rectification history. Supervisors of the client's team only.
 */
@Route("data-protection/request")
@RolesAllowed(Roles.SUPERVISOR)
public class DataRequestView extends VerticalLayout implements HasUrlParameter<String>, HasDynamicTitle {

    final Grid<ReviewItem> items = new Grid<>();
    final Button export = new Button("Produce export");
    final Div download = new Div();
    final RadioButtonGroup<String> erasure = new RadioButtonGroup<>("Decision");
    final TextArea erasureReason = new TextArea("Reason");
    final Button decide = new Button("Record decision");
    final Select<PersonalDetail> detail = new Select<>();
    final TextField newValue = new TextField("Correct value");
    final TextField rectificationReason = new TextField("What the person asked for");
    final Button correct = new Button("Correct");
    final Button markDone = new Button("Mark done");
    final Grid<RectificationRow> history = new Grid<>();

    @Nullable
    ReasonDialog reasonDialog;

    private final DataRequestService requests;
    private final SubjectAccessService subjectAccess;
    private final ReAuthentication reAuthentication;
    private final ZoneId zone;
    private @Nullable DataRequestRow request;
    private String title = "Data request | Casebook";

    DataRequestView(
            DataRequestService requests,
            SubjectAccessService subjectAccess,
            ReAuthentication reAuthentication,
            @Value("${casebook.time-zone}") ZoneId zone) {
        this.requests = requests;
        this.subjectAccess = subjectAccess;
        this.reAuthentication = reAuthentication;
        this.zone = zone;
        addClassName("data-request");
        items.addColumn(i -> i.item().section()).setHeader("Section").setAutoWidth(true);
        items.addColumn(i -> i.item().label()).setHeader("Item").setFlexGrow(2);
        items.addColumn(i -> i.item().text() == null ? "" : i.item().text())
                .setHeader("Content")
                .setFlexGrow(3);
        items.addComponentColumn(this::state)
                .setHeader("In the export")
                .setFlexGrow(2)
                .setKey("state");
        items.addComponentColumn(this::itemActions)
                .setAutoWidth(true)
                .setFlexGrow(0)
                .setKey("actions");
        items.addThemeVariants(GridVariant.LUMO_WRAP_CELL_CONTENT, GridVariant.LUMO_ROW_STRIPES);
        items.setAllRowsVisible(true);
        export.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        export.addClickListener(click -> new ReAuthenticationDialog(
                        reAuthentication,
                        "The export holds everything about this person that you have not withheld. Confirm it is you.",
                        this::export)
                .open());
        erasure.setItems("Refuse (an exemption applies)", "Erase (anonymise now)");
        erasureReason.setWidth("36rem");
        FieldMessages.limit(erasureReason, Text.REASON);
        decide.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        decide.addClickListener(click -> decideErasure());
        detail.setLabel("Detail");
        detail.setItems(PersonalDetail.values());
        detail.setItemLabelGenerator(PersonalDetail::label);
        FieldMessages.limit(rectificationReason, Text.REASON);
        correct.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        correct.addClickListener(click -> rectify());
        markDone.addClickListener(click -> {
            requests.completeRectification(current().id());
            show();
        });
        history.addColumn(r -> r.detail().label()).setHeader("Detail").setAutoWidth(true);
        history.addColumn(r -> r.oldValue() == null ? "(empty)" : r.oldValue()).setHeader("Old value");
        history.addColumn(RectificationRow::reason).setHeader("Reason");
        history.addColumn(RectificationRow::correctedBy).setHeader("By").setAutoWidth(true);
        history.addColumn(r -> DataRetentionView.WHEN.format(r.correctedAt().atZone(zone)))
                .setHeader("When")
                .setAutoWidth(true);
        history.setAllRowsVisible(true);
        history.setEmptyStateText("No detail has been corrected.");
    }

    @Override
    public void setParameter(BeforeEvent event, String id) {
        UUID requestId;
        try {
            requestId = UUID.fromString(id);
        } catch (IllegalArgumentException malformed) {
            // Refused exactly as a request that does not exist (and audited as one).
            requestId = new UUID(0, 0);
        }
        try {
            request = requests.request(requestId);
        } catch (org.casebook.client.ClientAccessDenied denied) {
            request = null;
            title = "No access | Casebook";
            removeAll();
            add(new H1("No access"), new Paragraph(denied.getMessage()));
            return;
        }
        title = request.kind().label() + " request " + request.clientCode() + " | Casebook";
        show();
    }

    @Override
    public String getPageTitle() {
        return title;
    }

    private DataRequestRow current() {
        return java.util.Objects.requireNonNull(request);
    }

    void show() {
        var row = requests.request(current().id());
        request = row;
        removeAll();
        add(new Anchor("data-protection/requests", "All requests"));
        add(new H1(row.kind().label() + " request: " + row.clientCode()));
        add(new Paragraph("Received " + DataRetentionView.DAY.format(row.receivedOn()) + "; due "
                + DataRetentionView.DAY.format(row.dueOn())
                + (row.done()
                        ? "; done " + (row.completedOn() == null ? "" : DataRetentionView.DAY.format(row.completedOn()))
                                + " (" + row.decision() + ")"
                        : "")
                + "."));
        switch (row.kind()) {
            case SUBJECT_ACCESS -> showSubjectAccess();
            case ERASURE -> showErasure(row);
            case RECTIFICATION -> showRectification(row);
        }
    }

    private void showSubjectAccess() {
        add(new Paragraph("Review each item before release. Withhold what is about someone else (a referrer, a named "
                + "child, another person) with a reason: the export marks where. Safeguarding items are left out unless "
                + "you release them, because disclosure may put a child at risk."));
        items.setItems(subjectAccess.review(current().id()).items());
        add(items, new HorizontalLayout(export, download));
    }

    private Component state(ReviewItem item) {
        var parts = new VerticalLayout();
        parts.setPadding(false);
        parts.setSpacing(false);
        String text;
        String theme;
        if (!item.included()) {
            text = "Left out (safeguarding)";
            theme = "badge contrast";
        } else if (item.withheldWhole()) {
            text = "Withheld";
            theme = "badge error";
        } else {
            text = item.item().thirdParty() ? "Included (may be about others: check)" : "Included";
            theme = item.item().thirdParty() ? "badge warning" : "badge success";
        }
        var badge = new Span(text);
        badge.getElement().getThemeList().add(theme);
        parts.add(badge);
        for (var choice : item.choices()) {
            var line = new Span((choice.withhold()
                            ? (choice.passage() == null ? "Withheld: " : "Passage withheld: ")
                            : "Released: ")
                    + choice.reason() + " (" + choice.by() + ")");
            var undo = new Button("Undo", click -> {
                subjectAccess.undo(current().id(), choice.id());
                show();
            });
            undo.addThemeVariants(ButtonVariant.LUMO_TERTIARY_INLINE, ButtonVariant.LUMO_SMALL);
            parts.add(new HorizontalLayout(line, undo));
        }
        return parts;
    }

    private Component itemActions(ReviewItem item) {
        var actions = new HorizontalLayout();
        if (item.item().safeguarding() && !item.released()) {
            var release = new Button("Release");
            release.addThemeVariants(ButtonVariant.LUMO_SMALL);
            release.addClickListener(click -> openReasonDialog(new ReasonDialog(
                    "Release " + item.item().label(),
                    "Release only when disclosure puts nobody at risk, and say why.",
                    "Release",
                    false,
                    (passage, reason) ->
                            subjectAccess.release(current().id(), item.item().key(), reason),
                    dialog -> show())));
            actions.add(release);
        }
        if (item.included() && !item.withheldWhole() && item.item().text() != null) {
            var withhold = new Button("Withhold");
            withhold.addThemeVariants(ButtonVariant.LUMO_SMALL);
            withhold.addClickListener(click -> openReasonDialog(new ReasonDialog(
                    "Withhold from " + item.item().label(),
                    "Withhold the whole item, or copy the passage to withhold. The reason is shown in the export.",
                    "Withhold",
                    true,
                    (passage, reason) ->
                            subjectAccess.withhold(current().id(), item.item().key(), passage, reason),
                    dialog -> show())));
            actions.add(withhold);
        }
        return actions;
    }

    private void openReasonDialog(ReasonDialog dialog) {
        reasonDialog = dialog;
        dialog.open();
    }

    void export() {
        var produced = subjectAccess.export(current().id());
        var zip = produced.zip();
        download.removeAll();
        download.add(new Anchor(
                DownloadHandler.fromInputStream(event -> new DownloadResponse(
                        new ByteArrayInputStream(zip), produced.fileName(), "application/zip", zip.length)),
                "Download " + produced.fileName()));
    }

    private void showErasure(DataRequestRow row) {
        if (row.done()) {
            add(new Paragraph("Decision: " + row.decision() + ". Reason: "
                    + (row.decisionReason() == null ? "(not kept)" : row.decisionReason())));
            return;
        }
        add(new Paragraph("Most clinical records fall under an exemption while their retention period runs. Record the "
                + "decision and its reason; erasing anonymises the record at once and cannot be undone."));
        add(erasure, erasureReason, decide);
    }

    void decideErasure() {
        FieldMessages.clear(erasureReason);
        if (erasure.getValue() == null) {
            erasure.setErrorMessage("Choose a decision.");
            erasure.setInvalid(true);
            return;
        }
        erasure.setInvalid(false);
        boolean erase = erasure.getValue().startsWith("Erase");
        Runnable decideNow = () -> {
            try {
                requests.decideErasure(current().id(), erase, erasureReason.getValue());
            } catch (InvalidFields invalid) {
                FieldMessages.show(invalid, Map.of("reason", erasureReason));
                return;
            }
            Notification.show(erase ? current().clientCode() + " was anonymised." : "The decision was recorded.");
            show();
        };
        if (erase) {
            new ReAuthenticationDialog(
                            reAuthentication,
                            "Erasing anonymises " + current().clientCode() + " for good. Confirm it is you.",
                            decideNow)
                    .open();
        } else {
            decideNow.run();
        }
    }

    private void showRectification(DataRequestRow row) {
        if (!row.done()) {
            var form = new HorizontalLayout(detail, newValue, rectificationReason, correct);
            form.setAlignItems(Alignment.BASELINE);
            add(form, markDone);
        }
        add(new H2("Rectification history"));
        history.setItems(requests.rectifications(row.clientCode()));
        add(history);
    }

    void rectify() {
        FieldMessages.clear(detail, newValue, rectificationReason);
        try {
            requests.rectify(current().id(), detail.getValue(), newValue.getValue(), rectificationReason.getValue());
        } catch (InvalidFields invalid) {
            FieldMessages.show(invalid, Map.of("detail", detail, "value", newValue, "reason", rectificationReason));
            return;
        }
        Notification.show("Corrected; the old value is kept in the history.");
        newValue.clear();
        rectificationReason.clear();
        show();
    }
}

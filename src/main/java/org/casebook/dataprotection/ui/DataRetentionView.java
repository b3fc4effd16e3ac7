package org.casebook.dataprotection.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import org.casebook.client.ClientAccessDenied;
import org.casebook.dataprotection.LegalHoldRow;
import org.casebook.dataprotection.RetentionCandidate;
import org.casebook.dataprotection.RetentionService;
import org.casebook.dataprotection.ScheduleEntry;
import org.casebook.security.CurrentUser;
import org.casebook.security.ReAuthentication;
import org.casebook.security.Role;
import org.casebook.security.Roles;
import org.casebook.security.ui.ReAuthenticationDialog;
import org.casebook.ui.FieldMessages;
import org.casebook.validation.InvalidFields;
import org.casebook.validation.Text;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Value;

/**
 * Data retention: the schedule with the rule behind each figure (administrators and supervisors; no records).
 * A supervisor also sees the records of their teams past their date, approves each one's anonymisation after
 * confirming it is them, and places or releases legal holds.
 */
@Route("data-protection/retention")
@PageTitle("Data retention | Casebook")
@RolesAllowed({Roles.ADMIN, Roles.SUPERVISOR})
@Menu(order = 85, title = "Data retention", icon = "vaadin:archive")
public class DataRetentionView extends VerticalLayout {

    static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMM yyyy");
    static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("d MMM yyyy, HH:mm");

    final Grid<ScheduleEntry> schedule = new Grid<>();
    final Grid<RetentionCandidate> pending = new Grid<>();
    final Grid<LegalHoldRow> holds = new Grid<>();
    final TextField holdCode = new TextField("Client code");
    final TextField holdReason = new TextField("Why the record must be kept");
    final Button placeHold = new Button("Place legal hold");

    @Nullable
    ReasonDialog releaseDialog;

    private final RetentionService retention;
    private final ReAuthentication reAuthentication;
    private final ZoneId zone;

    DataRetentionView(
            RetentionService retention,
            ReAuthentication reAuthentication,
            CurrentUser currentUser,
            @Value("${casebook.time-zone}") ZoneId zone) {
        this.retention = retention;
        this.reAuthentication = reAuthentication;
        this.zone = zone;
        addClassName("data-retention");
        add(new H1("Data retention"));
        add(new Paragraph("How long Casebook keeps each kind of record, and why. When a period ends, the record waits "
                + "here for a supervisor's approval; nothing is removed without it."));
        schedule.addColumn(ScheduleEntry::recordType).setHeader("Record").setAutoWidth(true);
        schedule.addColumn(e -> e.keptFor() + " " + e.from()).setHeader("Kept").setAutoWidth(true);
        schedule.addColumn(ScheduleEntry::basis).setHeader("Why").setFlexGrow(3);
        schedule.addColumn(ScheduleEntry::howEnforced).setHeader("Then").setFlexGrow(3);
        schedule.addThemeVariants(GridVariant.LUMO_WRAP_CELL_CONTENT);
        schedule.setAllRowsVisible(true);
        schedule.setItems(retention.schedule());
        add(schedule);
        if (currentUser.require().hasRole(Role.SUPERVISOR)) {
            addSupervisorParts();
        }
    }

    private void addSupervisorParts() {
        add(new H2("Past their retention date"));
        pending.addColumn(RetentionCandidate::clientCode).setHeader("Client").setAutoWidth(true);
        pending.addColumn(c -> c.rule().label()).setHeader("Rule").setAutoWidth(true);
        pending.addColumn(c -> DAY.format(c.dueOn())).setHeader("Due").setAutoWidth(true);
        pending.addColumn(c -> DAY.format(c.foundOn())).setHeader("Listed").setAutoWidth(true);
        pending.addComponentColumn(this::approveButton)
                .setAutoWidth(true)
                .setFlexGrow(0)
                .setKey("approve");
        pending.setEmptyStateText("No record of your teams is past its retention date.");
        pending.setAllRowsVisible(true);
        add(pending);

        add(new H2("Legal holds"));
        add(new Paragraph(
                "A legal hold stops retention for a client while a court case or an inquiry needs the record."));
        holdCode.setMaxLength(20);
        FieldMessages.limit(holdReason, Text.REASON);
        holdReason.setWidth("28rem");
        placeHold.addClickListener(click -> placeHold());
        var form = new HorizontalLayout(holdCode, holdReason, placeHold);
        form.setAlignItems(Alignment.BASELINE);
        add(form);
        holds.addColumn(LegalHoldRow::clientCode).setHeader("Client").setAutoWidth(true);
        holds.addColumn(LegalHoldRow::reason).setHeader("Reason").setFlexGrow(2);
        holds.addColumn(LegalHoldRow::placedBy).setHeader("Placed by").setAutoWidth(true);
        holds.addColumn(h -> WHEN.format(h.placedAt().atZone(zone)))
                .setHeader("Since")
                .setAutoWidth(true);
        holds.addComponentColumn(this::releaseButton)
                .setAutoWidth(true)
                .setFlexGrow(0)
                .setKey("release");
        holds.setEmptyStateText("No legal hold is in force in your teams.");
        holds.setAllRowsVisible(true);
        add(holds);
        refresh();
    }

    void refresh() {
        pending.setItems(retention.pending());
        holds.setItems(retention.holds());
    }

    private Component approveButton(RetentionCandidate candidate) {
        var approve = new Button("Approve anonymisation");
        approve.addThemeVariants(ButtonVariant.LUMO_ERROR, ButtonVariant.LUMO_SMALL);
        approve.addClickListener(click -> new ReAuthenticationDialog(
                        reAuthentication,
                        "Anonymising " + candidate.clientCode()
                                + " erases their personal details and clinical text for good. Confirm it is you.",
                        () -> approve(candidate))
                .open());
        return approve;
    }

    void approve(RetentionCandidate candidate) {
        try {
            retention.approve(candidate.id());
            Notification.show(candidate.clientCode() + " was anonymised.");
        } catch (InvalidFields | ClientAccessDenied refused) {
            error(
                    refused instanceof InvalidFields invalid
                            ? invalid.fieldErrors().values().iterator().next()
                            : refused.getMessage());
        }
        refresh();
    }

    void placeHold() {
        FieldMessages.clear(holdCode, holdReason);
        try {
            retention.placeHold(holdCode.getValue(), holdReason.getValue());
        } catch (InvalidFields invalid) {
            FieldMessages.show(invalid, Map.of("code", holdCode, "reason", holdReason));
            return;
        } catch (ClientAccessDenied denied) {
            holdCode.setErrorMessage(denied.getMessage());
            holdCode.setInvalid(true);
            return;
        }
        Notification.show(
                "Legal hold placed on " + holdCode.getValue().strip().toUpperCase(java.util.Locale.ROOT) + ".");
        holdCode.clear();
        holdReason.clear();
        refresh();
    }

    private Component releaseButton(LegalHoldRow hold) {
        var release = new Button("Release");
        release.addThemeVariants(ButtonVariant.LUMO_SMALL);
        release.addClickListener(click -> {
            releaseDialog = new ReasonDialog(
                    "Release the legal hold on " + hold.clientCode(),
                    "Retention resumes: the daily job lists the record again if its period has ended.",
                    "Release",
                    false,
                    (passage, reason) -> retention.releaseHold(hold.id(), reason),
                    dialog -> refresh());
            releaseDialog.open();
        });
        return release;
    }

    private static void error(@Nullable String message) {
        Notification.show(message == null ? "That did not work." : message, 6000, Notification.Position.MIDDLE)
                .addThemeVariants(NotificationVariant.LUMO_ERROR);
    }
}

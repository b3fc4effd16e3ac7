package org.casebook.audit.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.icon.Icon;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.streams.DownloadHandler;
import jakarta.annotation.security.RolesAllowed;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import org.casebook.audit.AuditAction;
import org.casebook.audit.AuditEntry;
import org.casebook.audit.AuditFilter;
import org.casebook.audit.AuditService;
import org.casebook.security.CurrentUser;
import org.casebook.security.Role;
import org.casebook.security.Roles;
import org.casebook.time.CharityClock;
import org.casebook.ui.FieldMessages;
import org.casebook.validation.DateRange;
import org.casebook.validation.InvalidFields;
import org.springframework.beans.factory.annotation.Value;

/**
 * The audit log: newest first, loaded page by page, filtered by person, client code, action and
 * dates; exported as CSV (itself audited); and, for administrators, verified on demand.
 */
@Route("audit")
@PageTitle("Audit log | Casebook")
@Menu(order = 90, title = "Audit log", icon = "vaadin:records")
@RolesAllowed({Roles.ADMIN, Roles.SUPERVISOR})
public class AuditView extends VerticalLayout {

    private static final DateTimeFormatter WHEN = org.casebook.ui.Dates.WHEN_SECONDS;

    final TextField person = new TextField("Person (username)");
    final TextField client = new TextField("Client code");
    final ComboBox<AuditAction> action = new ComboBox<>("Action");
    final DatePicker from = new DatePicker("From");
    final DatePicker to = new DatePicker("To");
    final Grid<AuditEntry> grid = new Grid<>();
    final Anchor export = new Anchor();
    final Button verify = new Button("Verify integrity", new Icon(VaadinIcon.SHIELD));
    final Div verification = new Div();
    final Div chaining = new Div();

    private final CharityClock charity;
    private final AuditService audit;
    private AuditFilter filter = AuditFilter.NONE;

    /** Names of the staff accounts the log shows, looked up once each per view. */
    private final java.util.Map<Long, java.util.Optional<String>> staffNames = new java.util.HashMap<>();

    AuditView(
            AuditService audit,
            CurrentUser currentUser,
            @Value("${casebook.time-zone}") ZoneId zone,
            CharityClock charity,
            org.casebook.security.StaffDirectory staff) {
        this.charity = charity;
        this.audit = audit;
        addClassName("audit-view");
        setSizeFull();

        var isAdmin = currentUser.require().hasRole(Role.ADMIN);
        add(new H1("Audit log"));

        for (var field : new com.vaadin.flow.component.HasSize[] {person, client, action, from, to}) {
            field.setWidth("11em");
        }
        person.setValueChangeMode(ValueChangeMode.LAZY);
        client.setValueChangeMode(ValueChangeMode.LAZY);
        action.setItems(AuditAction.values());
        action.setItemLabelGenerator(AuditAction::label);
        action.setClearButtonVisible(true);
        from.setClearButtonVisible(true);
        to.setClearButtonVisible(true);
        FieldMessages.limit(from, DateRange.SEARCH, charity.today());
        FieldMessages.limit(to, DateRange.SEARCH, charity.today());
        person.addValueChangeListener(e -> applyFilter());
        client.addValueChangeListener(e -> applyFilter());
        action.addValueChangeListener(e -> applyFilter());
        from.addValueChangeListener(e -> applyFilter());
        to.addValueChangeListener(e -> applyFilter());

        export.setText("Export CSV");
        export.getElement().setAttribute("download", true);
        export.setHref((DownloadHandler) event -> {
            event.setFileName("casebook-audit-log.csv");
            event.setContentType("text/csv;charset=UTF-8");
            try (var writer = new OutputStreamWriter(event.getOutputStream(), StandardCharsets.UTF_8)) {
                audit.exportCsv(filter, writer);
            }
        });
        chaining.addClassName("chain-status");
        add(chaining);
        showChaining();

        var filters = new HorizontalLayout(person, client, action, from, to, export);
        filters.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
        filters.setWrap(true);
        filters.addClassName("audit-filters");
        add(filters);

        if (isAdmin) {
            verify.addThemeVariants(ButtonVariant.PRIMARY);
            verify.addClickListener(e -> showVerification());
            verification.addClassName("verification-result");
            var tools = new HorizontalLayout(verify, verification);
            tools.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.CENTER);
            add(tools);
        }

        grid.addColumn(e -> WHEN.format(e.occurredAt().atZone(zone)))
                .setHeader("When")
                .setAutoWidth(true)
                .setFlexGrow(0);
        grid.addColumn(e -> e.actorUsername() == null ? "(nobody signed in)" : e.actorUsername())
                .setHeader("Person")
                .setAutoWidth(true);
        grid.addColumn(e -> AuditWords.roles(e.actorRoles())).setHeader("Role").setAutoWidth(true);
        grid.addColumn(e -> e.action().label()).setHeader("Action").setAutoWidth(true);
        grid.addColumn(e -> AuditWords.record(
                        e,
                        id -> staffNames
                                .computeIfAbsent(
                                        id,
                                        key -> java.util.Optional.ofNullable(staff.displayNames(java.util.Set.of(key))
                                                .get(key)))
                                .orElse(null)))
                .setHeader("Record")
                .setAutoWidth(true);
        grid.addColumn(AuditEntry::clientRef).setHeader("Client").setAutoWidth(true);
        grid.addColumn(e -> AuditWords.outcome(e.outcome()))
                .setHeader("Outcome")
                .setAutoWidth(true);
        grid.addColumn(AuditEntry::reason).setHeader("Reason").setFlexGrow(1);
        grid.addColumn(AuditEntry::sourceAddress).setHeader("From address").setAutoWidth(true);
        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES, GridVariant.LUMO_COMPACT);
        grid.setItemsPageable(pageable -> audit.search(filter, pageable).getContent());
        grid.setSizeFull();
        add(grid);
        setFlexGrow(1, grid);
    }

    private void applyFilter() {
        if (from.getValue() != null && to.getValue() != null && to.getValue().isBefore(from.getValue())) {
            to.setInvalid(true);
            to.setErrorMessage("The end date is before the start date.");
            return;
        }
        to.setInvalid(false);
        var asked = new AuditFilter(
                person.getValue(), client.getValue(), action.getValue(), from.getValue(), to.getValue());
        try {
            audit.check(asked);
        } catch (InvalidFields invalid) {
            FieldMessages.show(invalid, Map.of("from", from, "to", to));
            return;
        }
        FieldMessages.clear(from, to);
        filter = asked;
        grid.getDataProvider().refreshAll();
        showChaining();
    }

    private void showChaining() {
        var status = audit.chainStatus();
        var text = status.unchained() == 0
                ? "Every entry is chained."
                : status.unchained() + (status.unchained() == 1 ? " entry is" : " entries are")
                        + " waiting to be chained (normally within a second or two).";
        if (status.overdue() > 0) {
            text += " " + status.overdue() + (status.overdue() == 1 ? " has" : " have") + " waited longer than "
                    + status.bound().toSeconds() + " s: tell an administrator; the audit sequencer may not be running.";
        }
        chaining.setText(text);
        chaining.getElement().setAttribute("data-overdue", String.valueOf(status.overdue()));
    }

    private void showVerification() {
        showChaining();
        var result = audit.verify();
        verification.setText(result.message() + " (" + result.took().toMillis() + " ms)");
        verification.getElement().setAttribute("data-intact", String.valueOf(result.intact()));
        verification.removeClassNames("intact", "broken");
        verification.addClassName(result.intact() ? "intact" : "broken");
    }
}

package org.casebook.client.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Nav;
import com.vaadin.flow.component.html.OrderedList;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import org.casebook.client.ClientAlert;
import org.casebook.client.ClientSummary;
import org.casebook.client.RiskLevel;
import org.jspecify.annotations.Nullable;
import org.springframework.modulith.NamedInterface;

/**
 * Whose record this is, at the top of every page about one client: breadcrumbs back to the caseload, the
 * client code and preferred name, the case status, both risk ratings, and chips for what needs attention
 * (danger first), each a link to where it is dealt with. Fed by one call, {@code ClientService.summary}.
 */
@NamedInterface("client-header")
public class ClientHeader extends Div {

    final Nav breadcrumbs = new Nav();
    final Div alerts = new Div();

    /**
     * @param page the page's own name for the last breadcrumb ("Sessions", "Session note"), or null on the
     *     client page itself, where the code is the page's heading
     */
    public ClientHeader(ClientSummary client, @Nullable String page) {
        addClassName("client-header");
        breadcrumbs.getElement().setAttribute("aria-label", "Breadcrumbs");
        breadcrumbs.addClassName("breadcrumbs");
        var trail = new OrderedList(new ListItem(new Anchor("clients", "Caseload")));
        if (page == null) {
            trail.add(current(client.code()));
        } else {
            trail.add(new ListItem(new Anchor("client/" + client.code(), client.code())), current(page));
        }
        breadcrumbs.add(trail);

        Component code = page == null ? new H1(client.code()) : new Span(client.code());
        ((com.vaadin.flow.component.HasStyle) code).addClassName("client-header-code");
        var name = new Span(client.preferredName());
        name.addClassName("client-header-name");
        var status = new Span(client.status().label());
        status.getElement().getThemeList().add("badge contrast");
        status.addClassName("client-header-status");
        var identity = new Div(
                code, name, status, risk("Risk to others", client.toOthers()), risk("Risk to self", client.toSelf()));
        identity.addClassName("client-header-identity");

        alerts.addClassName("client-header-alerts");
        alerts.getElement().setAttribute("role", "list");
        alerts.getElement().setAttribute("aria-label", "Needs attention");
        client.alerts().forEach(alert -> alerts.add(chip(alert)));
        alerts.setVisible(!client.alerts().isEmpty());

        add(breadcrumbs, identity, alerts);
        if (client.breakGlass()) {
            var warning = new Div(
                    VaadinIcon.WARNING.create(),
                    new Span(
                            " You opened this client by break-glass. "
                                    + "Your access is recorded, reviewed by a supervisor, and ends within an hour of opening."));
            warning.addClassName("break-glass-warning");
            add(warning);
        }
    }

    private static ListItem current(String text) {
        var item = new ListItem(text);
        item.getElement().setAttribute("aria-current", "page");
        return item;
    }

    /** "Risk to others: High", coloured by level; "not rated" while there is no plan. */
    static Span risk(String label, @Nullable RiskLevel level) {
        var badge = new Span(
                label + ": " + (level == null ? "not rated" : level.label().toLowerCase(java.util.Locale.ROOT)));
        badge.getElement()
                .getThemeList()
                .add("badge"
                        + (level == null
                                ? " contrast"
                                : level.isHighOrAbove() ? " error" : level == RiskLevel.MEDIUM ? "" : " success"));
        badge.addClassName("client-header-risk");
        return badge;
    }

    private static Component chip(ClientAlert alert) {
        var chip = new Anchor(alert.link(), alert.text());
        chip.getElement().setAttribute("role", "listitem");
        chip.getElement().getThemeList().add(alert.urgent() ? "badge error primary" : "badge error");
        chip.addClassNames(
                "alert-chip",
                "alert-"
                        + alert.kind().name().toLowerCase(java.util.Locale.ROOT).replace('_', '-'));
        return chip;
    }
}

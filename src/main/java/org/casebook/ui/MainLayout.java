package org.casebook.ui;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.applayout.AppLayout;
import com.vaadin.flow.component.applayout.DrawerToggle;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.Icon;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.sidenav.SideNav;
import com.vaadin.flow.component.sidenav.SideNavItem;
import com.vaadin.flow.router.Layout;
import com.vaadin.flow.server.menu.MenuConfiguration;
import com.vaadin.flow.server.menu.MenuEntry;
import com.vaadin.flow.spring.security.AuthenticationContext;
import jakarta.annotation.security.PermitAll;
import java.time.Duration;
import org.casebook.security.CurrentUser;
import org.springframework.beans.factory.annotation.Value;

/**
 * The shell around every signed-in view: who is signed in, in which role, the menu entries they
 * may open (Vaadin filters {@code @Menu} entries by each view's access annotation), sign-out, and
 * a warning shortly before an idle session is ended.
 */
@Layout
@PermitAll
public class MainLayout extends AppLayout {

    /**
     * Shows the warning once the browser has sent no request that counts as activity for the idle
     * limit less the warning time. Heartbeats do not count (as on the server, with close-idle-sessions);
     * every UI request starts the wait again.
     */
    private static final String IDLE_WATCH = """
            const warning = $0;
            const delay = $1;
            let timer;
            const arm = () => {
                clearTimeout(timer);
                warning.hidden = true;
                timer = setTimeout(() => { warning.hidden = false; }, delay);
            };
            const counts = url => String(url).includes('v-r=uidl');
            const open = XMLHttpRequest.prototype.open;
            XMLHttpRequest.prototype.open = function (method, url, ...rest) {
                if (counts(url)) { arm(); }
                return open.call(this, method, url, ...rest);
            };
            const fetch = window.fetch;
            window.fetch = function (input, ...rest) {
                if (counts(input && input.url ? input.url : input)) { arm(); }
                return fetch.call(this, input, ...rest);
            };
            arm();
            """;

    final Span userName = new Span();
    final Span userRoles = new Span();
    final Button signOut = new Button("Sign out", new Icon(VaadinIcon.SIGN_OUT));
    final SideNav menu = new SideNav();
    final Div idleWarning = new Div();
    final Button staySignedIn = new Button("Stay signed in");
    private final Duration idleWarningDelay;

    MainLayout(AuthenticationContext authenticationContext, CurrentUser currentUser,
            @Value("${casebook.charity-name}") String charityName,
            @Value("${server.servlet.session.timeout}") Duration idleTimeout,
            @Value("${casebook.security.idle-warning:2m}") Duration warningBefore) {
        setPrimarySection(Section.DRAWER);

        var charity = new Span(charityName);
        charity.addClassName("brand-charity");
        var product = new Span("Casebook");
        product.addClassName("brand-product");
        var brand = new Div(product, charity);
        brand.addClassName("brand");

        var user = currentUser.require();
        userName.setText(user.displayName());
        userName.addClassName("user-name");
        userRoles.setText(user.roleLabels());
        userRoles.addClassName("user-roles");
        var who = new Div(userName, userRoles);
        who.addClassName("user-block");
        signOut.addThemeVariants(ButtonVariant.TERTIARY);
        signOut.addClickListener(e -> authenticationContext.logout());

        var header = new Div(new DrawerToggle(), brand, who, signOut);
        header.addClassName("app-header");
        addToNavbar(header);

        menu.setLabel("Main menu");
        MenuConfiguration.getMenuEntries().forEach(entry -> menu.addItem(item(entry)));
        menu.addClassName("main-menu");
        addToDrawer(menu);

        idleWarningDelay = idleTimeout.minus(warningBefore);
        idleWarning.addClassName("idle-warning");
        idleWarning.getElement().setAttribute("role", "alertdialog");
        idleWarning.getElement().setAttribute("hidden", true);
        long minutes = Math.max(1, warningBefore.toMinutes());
        idleWarning.add(new Span("Nothing has happened for a while. To protect clients' records you will be signed "
                + "out in " + (minutes == 1 ? "one minute" : minutes + " minutes") + "."), staySignedIn);
        staySignedIn.addThemeVariants(ButtonVariant.PRIMARY);
        // The click is itself the request that counts as activity and keeps the session.
        staySignedIn.addClickListener(e -> idleWarning.getElement().setAttribute("hidden", true));
        addToNavbar(idleWarning);
    }

    @Override
    protected void onAttach(AttachEvent event) {
        super.onAttach(event);
        idleWarning.getElement().executeJs(IDLE_WATCH, idleWarning.getElement(), idleWarningDelay.toMillis());
    }

    Duration idleWarningDelay() {
        return idleWarningDelay;
    }

    private static SideNavItem item(MenuEntry entry) {
        var item = new SideNavItem(entry.title(), entry.path());
        if (entry.icon() != null) {
            item.setPrefixComponent(new Icon(entry.icon()));
        }
        return item;
    }
}

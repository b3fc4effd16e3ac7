package org.casebook.ui;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.applayout.AppLayout;
import com.vaadin.flow.component.applayout.DrawerToggle;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.contextmenu.MenuItem;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.Icon;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.menubar.MenuBar;
import com.vaadin.flow.component.menubar.MenuBarVariant;
import com.vaadin.flow.component.sidenav.SideNav;
import com.vaadin.flow.component.sidenav.SideNavItem;
import com.vaadin.flow.router.Layout;
import com.vaadin.flow.server.menu.MenuConfiguration;
import com.vaadin.flow.server.menu.MenuEntry;
import com.vaadin.flow.spring.security.AuthenticationContext;
import jakarta.annotation.security.PermitAll;
import java.time.Duration;
import org.casebook.security.CurrentUser;
import org.casebook.security.IdlePolicy;
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
     * Shows the warning once the person has done nothing for the idle limit less the warning time, and
     * once the limit has passed asks the server (with a heartbeat, which is no action) whether the
     * session still lives; if it does not, the page reloads onto the sign-in page. An action is a UI
     * request carrying anything but polls and a list's confirmation of rows a poll refreshed: the same
     * rule as the server's (IdleSessionFilter), so neither Vaadin's heartbeat nor a view's polling keeps
     * the session.
     */
    private static final String IDLE_WATCH = """
            if (window.casebookIdle) {
                // The layout attached again in the same page: watch the new warning; the hooks stay.
                window.casebookIdle.warning = $0;
                window.casebookIdle.arm();
                return;
            }
            const state = { warning: $0 };
            window.casebookIdle = state;
            const warnAfter = $1;
            const endAfter = $2;
            const uiId = $3;
            let warnTimer;
            let endTimer;
            const check = () => {
                const url = new URL('./?v-r=heartbeat&v-uiId=' + uiId, document.baseURI);
                fetch(url, { method: 'POST', credentials: 'same-origin', redirect: 'manual' })
                    .then(response => { if (response.ok) { arm(); } else { location.reload(); } },
                          () => location.reload());
            };
            const arm = () => {
                clearTimeout(warnTimer);
                clearTimeout(endTimer);
                state.warning.hidden = true;
                warnTimer = setTimeout(() => { state.warning.hidden = false; }, warnAfter);
                endTimer = setTimeout(check, endAfter + 2000);
            };
            state.arm = arm;
            const isAction = (url, body) => {
                if (!String(url).includes('v-r=uidl')) { return false; }
                try {
                    const rpc = JSON.parse(body).rpc;
                    const background = call => (call.type === 'event' && call.event === 'ui-poll')
                        || (call.type === 'publishedEventHandler' && call.templateEventMethodName === 'confirmUpdate');
                    return !Array.isArray(rpc) || rpc.some(call => !background(call));
                } catch (e) {
                    return true;
                }
            };
            const open = XMLHttpRequest.prototype.open;
            XMLHttpRequest.prototype.open = function (method, url, ...rest) {
                this.casebookUrl = url;
                return open.call(this, method, url, ...rest);
            };
            const send = XMLHttpRequest.prototype.send;
            XMLHttpRequest.prototype.send = function (body) {
                if (isAction(this.casebookUrl, body)) { arm(); }
                return send.call(this, body);
            };
            const fetch0 = window.fetch;
            window.fetch = function (input, init) {
                if (isAction(input && input.url ? input.url : input, init && init.body)) { arm(); }
                return fetch0.call(this, input, init);
            };
            arm();
            """;

    final Span userName = new Span();
    final Span userRoles = new Span();
    /** The account's own items: change password, sign out. */
    final MenuBar userMenu = new MenuBar();

    MenuItem changePassword;
    MenuItem signOut;
    final SideNav menu = new SideNav();
    final Div idleWarning = new Div();
    final Button staySignedIn = new Button("Stay signed in");
    private final IdlePolicy idle;

    MainLayout(
            AuthenticationContext authenticationContext,
            CurrentUser currentUser,
            @Value("${casebook.charity-name}") String charityName,
            IdlePolicy idle) {
        this.idle = idle;
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
        userMenu.addClassName("user-menu");
        userMenu.addThemeVariants(MenuBarVariant.LUMO_TERTIARY);
        var account = userMenu.addItem(who);
        account.getElement().setAttribute("aria-label", "Your account: " + user.displayName());
        changePassword = account.getSubMenu()
                .addItem(
                        withIcon(VaadinIcon.KEY, "Change password"),
                        e -> e.getSource().getUI().ifPresent(ui -> ui.navigate("account/password")));
        signOut = account.getSubMenu()
                .addItem(withIcon(VaadinIcon.SIGN_OUT, "Sign out"), e -> authenticationContext.logout());

        var header = new Div(new DrawerToggle(), brand, userMenu);
        header.addClassName("app-header");
        addToNavbar(header);

        menu.setLabel("Main menu");
        MenuConfiguration.getMenuEntries().forEach(entry -> menu.addItem(item(entry)));
        menu.addClassName("main-menu");
        addToDrawer(menu);

        idleWarning.addClassName("idle-warning");
        idleWarning.getElement().setAttribute("role", "alertdialog");
        idleWarning.getElement().setAttribute("hidden", true);
        idleWarning.add(
                new Span("Nothing has happened for a while. To protect clients' records you will be signed " + "out in "
                        + inWords(idle.warningBefore()) + "."),
                staySignedIn);
        staySignedIn.addThemeVariants(ButtonVariant.PRIMARY);
        // The click is itself the request that counts as activity and keeps the session.
        staySignedIn.addClickListener(e -> idleWarning.getElement().setAttribute("hidden", true));
        addToNavbar(idleWarning);
    }

    @Override
    protected void onAttach(AttachEvent event) {
        super.onAttach(event);
        idleWarning
                .getElement()
                .executeJs(
                        IDLE_WATCH,
                        idleWarning.getElement(),
                        idle.warnAfter().toMillis(),
                        idle.timeout().toMillis(),
                        event.getUI().getUIId());
    }

    Duration idleWarningDelay() {
        return idle.warnAfter();
    }

    static String inWords(Duration duration) {
        if (duration.toMinutes() < 1) {
            long seconds = Math.max(1, duration.toSeconds());
            return seconds == 1 ? "one second" : seconds + " seconds";
        }
        long minutes = duration.toMinutes();
        return minutes == 1 ? "one minute" : minutes + " minutes";
    }

    private static com.vaadin.flow.component.Component withIcon(VaadinIcon icon, String text) {
        var item = new Div(new Icon(icon), new Span(text));
        item.addClassName("menu-item-with-icon");
        return item;
    }

    private static SideNavItem item(MenuEntry entry) {
        var item = new SideNavItem(entry.title(), entry.path());
        if (entry.icon() != null) {
            item.setPrefixComponent(new Icon(entry.icon()));
        }
        return item;
    }
}

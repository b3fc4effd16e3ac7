package org.casebook.ui;

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
import org.casebook.security.CurrentUser;
import org.springframework.beans.factory.annotation.Value;

/**
 * The shell around every signed-in view: who is signed in, in which role, the menu entries they
 * may open (Vaadin filters {@code @Menu} entries by each view's access annotation) and sign-out.
 */
@Layout
@PermitAll
public class MainLayout extends AppLayout {

    final Span userName = new Span();
    final Span userRoles = new Span();
    final Button signOut = new Button("Sign out", new Icon(VaadinIcon.SIGN_OUT));
    final SideNav menu = new SideNav();

    MainLayout(AuthenticationContext authenticationContext, CurrentUser currentUser,
            @Value("${casebook.charity-name}") String charityName) {
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
    }

    private static SideNavItem item(MenuEntry entry) {
        var item = new SideNavItem(entry.title(), entry.path());
        if (entry.icon() != null) {
            item.setPrefixComponent(new Icon(entry.icon()));
        }
        return item;
    }
}

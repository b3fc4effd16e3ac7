package org.casebook.security;

import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.server.ServiceInitEvent;
import com.vaadin.flow.server.VaadinServiceInitListener;
import org.casebook.security.ui.ChangePasswordView;
import org.casebook.security.ui.LoginView;
import org.casebook.security.ui.SecondFactorView;
import org.springframework.stereotype.Component;

/**
 * Sends a person who holds a one-time password (set by an administrator) to the change-password view,
 * whatever they try to open, until they have chosen their own. Asked on every navigation, so the
 * gate opens as soon as the password is changed, with no need to sign in again.
 */
@Component
class PasswordChangeGate implements VaadinServiceInitListener {

    private final CurrentUser currentUser;
    private final StaffAccountRepository accounts;

    PasswordChangeGate(CurrentUser currentUser, StaffAccountRepository accounts) {
        this.currentUser = currentUser;
        this.accounts = accounts;
    }

    @Override
    public void serviceInit(ServiceInitEvent event) {
        event.getSource().addUIInitListener(init -> init.getUI().addBeforeEnterListener(this::beforeEnter));
    }

    private void beforeEnter(BeforeEnterEvent event) {
        var target = event.getNavigationTarget();
        // The second factor comes first; only then is a one-time password replaced (no reroute loop).
        if (target == ChangePasswordView.class || target == LoginView.class || target == SecondFactorView.class) {
            return;
        }
        currentUser
                .get()
                .filter(user -> accounts.mustChangePassword(user.accountId()).orElse(false))
                .ifPresent(user -> event.rerouteTo(ChangePasswordView.class));
    }
}

package org.casebook.security.ui;

import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.server.ServiceInitEvent;
import com.vaadin.flow.server.VaadinServiceInitListener;
import org.casebook.security.SecondFactor;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.stereotype.Component;

/**
 * Until a signed-in person has given a code, every route leads to the code page; once they have,
 * the code page leads home. There is no way past it: production requires the second factor of everyone.
 */
@Component
class SecondFactorGate implements VaadinServiceInitListener {

    private final SecurityContextHolderStrategy securityContext;

    SecondFactorGate(ObjectProvider<SecurityContextHolderStrategy> strategy) {
        this.securityContext = strategy.getIfAvailable(SecurityContextHolder::getContextHolderStrategy);
    }

    @Override
    public void serviceInit(ServiceInitEvent event) {
        event.getSource().addUIInitListener(ui -> ui.getUI().addBeforeEnterListener(this::check));
    }

    void check(BeforeEnterEvent event) {
        var authentication = securityContext.getContext().getAuthentication();
        var target = event.getNavigationTarget();
        if (SecondFactor.isPending(authentication)) {
            if (target != SecondFactorView.class && target != LoginView.class) {
                event.forwardTo(SecondFactorView.class);
            }
        } else if (target == SecondFactorView.class) {
            event.forwardTo(SecondFactor.isComplete(authentication) ? "" : "login");
        }
    }
}

package org.casebook.ui;

import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.ErrorParameter;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.HasErrorParameter;
import com.vaadin.flow.router.NotFoundException;
import com.vaadin.flow.router.ParentLayout;
import jakarta.annotation.security.PermitAll;
import jakarta.servlet.http.HttpServletResponse;

/**
 * The one "No access" page inside the application's shell, in place of Vaadin's bare "Could not navigate": for
 * a page that does not exist and, because Vaadin reroutes a refusal to "not found", for a page the person's
 * role may not open. The words are the same either way. (A person not signed in is sent to sign in first.)
 */
@PermitAll
@ParentLayout(MainLayout.class)
public class NoAccessView extends VerticalLayout implements HasErrorParameter<NotFoundException>, HasDynamicTitle {

    public NoAccessView() {
        addClassName("no-access-view");
        add(new NoAccess(NoAccess.PAGE_MESSAGE));
    }

    @Override
    public int setErrorParameter(BeforeEnterEvent event, ErrorParameter<NotFoundException> parameter) {
        return HttpServletResponse.SC_NOT_FOUND;
    }

    @Override
    public String getPageTitle() {
        return NoAccess.TITLE;
    }
}

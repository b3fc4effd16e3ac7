package org.casebook.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.router.ParentLayout;
import jakarta.annotation.security.PermitAll;
import org.junit.jupiter.api.Test;

/**
 * The view's words and place. That Vaadin shows it for a page that does not exist and for a page the role may
 * not open is proved in the production jar by EveryDialogBrowserIT (Karibu replaces the refusal's error view).
 */
class NoAccessViewTest {

    @Test
    void theNoAccessPageSaysTheSameForEveryRefusalInsideTheShell() {
        var view = new NoAccessView();
        assertThat(view.getElement().getTextRecursively())
                .startsWith("No access")
                .contains(NoAccess.PAGE_MESSAGE)
                .doesNotContain("Could not navigate");
        assertThat(view.getPageTitle()).isEqualTo("No access | Casebook");
        assertThat(NoAccessView.class.getAnnotation(ParentLayout.class).value()).isEqualTo(MainLayout.class);
        assertThat(NoAccessView.class.isAnnotationPresent(PermitAll.class)).isTrue();
    }
}

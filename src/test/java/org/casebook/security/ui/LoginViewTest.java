package org.casebook.security.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.router.QueryParameters;
import java.util.Map;
import org.casebook.KaribuTest;
import org.junit.jupiter.api.Test;

class LoginViewTest extends KaribuTest {

    @Test
    void signedOutPersonCanOpenTheLoginPage() {
        UI.getCurrent().navigate(LoginView.class);
        var view = _get(LoginView.class);
        assertThat(view.form.isError()).isFalse();
        assertThat(view.form.isForgotPasswordButtonVisible()).isFalse();
    }

    @Test
    void failedSignInShowsOneMessageThatNamesNeitherUsernameNorPassword() {
        UI.getCurrent().navigate("login", QueryParameters.simple(Map.of("error", "")));
        var view = _get(LoginView.class);
        assertThat(view.form.isError()).isTrue();
        assertThat(view.i18n.getErrorMessage().getTitle()).isEqualTo(LoginView.FAILURE_TITLE);
        assertThat(view.i18n.getErrorMessage().getMessage()).isEqualTo(LoginView.FAILURE_MESSAGE);
    }
}

package org.casebook.documents.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.IFrame;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import org.casebook.KaribuTest;
import org.casebook.client.TestClients;
import org.casebook.client.ui.ClientView;
import org.casebook.documents.DocumentCategory;
import org.casebook.documents.DocumentService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.test.context.support.WithUserDetails;

class DocumentsCardTest extends KaribuTest {

    static final byte[] PDF =
            "%PDF-1.4\n1 0 obj\n<<>>\nendobj\ntrailer\n<<>>\n%%EOF\n".getBytes(StandardCharsets.US_ASCII);

    @Autowired
    TestClients testClients;

    @Test
    @WithUserDetails("counsellor1")
    void aCounsellorAddsADocumentSeesItListedAndPreviewsIt() {
        var client = testClients.activeWith("counsellor1");
        UI.getCurrent().navigate(ClientView.class, client.code());
        var card = _get(DocumentsCard.class);
        assertThat(card.list.getElement().getTextRecursively()).contains("No documents.");

        card.title.setValue("Referral from the GP (test)");
        card.show(card.receive("referral.pdf", new ByteArrayInputStream(PDF)));
        assertThat(card.category.isInvalid()).isTrue();
        assertThat(card.category.getErrorMessage()).isEqualTo(DocumentService.CATEGORY_NEEDED);
        assertThat(card.title.getValue()).isEqualTo("Referral from the GP (test)");

        card.category.setValue(DocumentCategory.REFERRAL_LETTER);
        card.show(card.receive("referral.pdf", new ByteArrayInputStream(PDF)));
        assertThat(card.list.getElement().getTextRecursively())
                .contains("Referral letter: Referral from the GP (test)", "referral.pdf", "Download");

        card.title.setValue("Not really a letter (test)");
        card.show(card.receive(
                "letter.pdf", new ByteArrayInputStream("MZ not a pdf".getBytes(StandardCharsets.US_ASCII))));
        assertThat(card.list.getElement().getTextRecursively()).doesNotContain("Not really a letter");

        _click(_get(card.list, Button.class, spec -> spec.withText("Preview")));
        assertThat(_find(card.preview, IFrame.class)).hasSize(1);
    }

    @Test
    @WithUserDetails("counsellor1")
    void aNewVersionIsAddedBesideTheFirst() {
        var client = testClients.activeWith("counsellor1");
        UI.getCurrent().navigate(ClientView.class, client.code());
        var card = _get(DocumentsCard.class);
        card.category.setValue(DocumentCategory.COURT_ORDER);
        card.title.setValue("Order (test)");
        card.show(card.receive("order.pdf", new ByteArrayInputStream(PDF)));
        _click(_get(card.list, Button.class, spec -> spec.withText("New version")));
        card.show(card.receive("order-amended.pdf", new ByteArrayInputStream(PDF)));
        assertThat(card.list.getElement().getTextRecursively())
                .contains("order-amended.pdf", "version 2 of 2", "Download v1", "Download v2");
    }
}

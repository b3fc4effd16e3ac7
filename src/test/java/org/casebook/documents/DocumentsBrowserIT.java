package org.casebook.documents;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.FilePayload;
import java.nio.charset.StandardCharsets;
import org.casebook.CasebookUnderTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A client document in Chromium against the production jar: uploaded raw through the page, listed,
 * previewed in the page and downloaded whole, under the Content-Security-Policy.
 */
class DocumentsBrowserIT {

    private static final CasebookUnderTest casebook = CasebookUnderTest.shared();

    static final byte[] PDF = ("%PDF-1.4\n1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\nendobj\n"
                    + "2 0 obj\n<< /Type /Pages /Kids [] /Count 0 >>\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n")
            .getBytes(StandardCharsets.US_ASCII);

    private Page page;

    @BeforeEach
    void openPage() {
        page = casebook.newPage();
    }

    @AfterEach
    void closePage() {
        page.context().close();
    }

    @Test
    void aCounsellorUploadsADocumentPreviewsItAndDownloadsItWhole() throws Exception {
        casebook.signIn(page, "counsellor1");
        page.navigate(casebook.url("/"));
        var overdue = page.locator(".overdue-notes a").first();
        overdue.waitFor();
        var code = overdue.innerText().strip();
        page.navigate(casebook.url("/client/" + code));
        var card = page.locator(".client-documents");
        card.waitFor();

        card.locator("vaadin-select").click();
        page.locator("vaadin-select-item")
                .filter(new Locator.FilterOptions().setHasText("Court order"))
                .click();
        card.locator("vaadin-text-field")
                .filter(new Locator.FilterOptions().setHasText("Title"))
                .locator("input")
                .fill("Order of the court (fictional)");
        card.locator("vaadin-text-field input").first().press("Tab");
        card.locator("vaadin-upload input[type=file]")
                .setInputFiles(new FilePayload("order.pdf", "application/pdf", PDF));
        var listed = card.locator(".document").filter(new Locator.FilterOptions().setHasText("Order of the court"));
        listed.waitFor();
        assertThat(listed.innerText()).contains("Court order", "order.pdf");

        listed.getByText("Preview").click();
        card.locator(".document-preview iframe").waitFor();

        var download = page.waitForDownload(
                () -> listed.locator("a.document-download").first().click());
        assertThat(java.nio.file.Files.readAllBytes(download.path())).isEqualTo(PDF);
        CasebookUnderTest.screenshot(page, "client-documents.png");
        assertThat(CasebookUnderTest.consoleProblems(page)).isEmpty();
    }
}

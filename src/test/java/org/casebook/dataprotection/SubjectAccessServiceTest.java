package org.casebook.dataprotection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.zip.ZipInputStream;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.text.PDFTextStripper;
import org.casebook.client.ClientAccessDenied;
import org.casebook.validation.InvalidFields;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.access.AccessDeniedException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class SubjectAccessServiceTest extends DataProtectionTest {

    @Autowired
    DataRequestService requests;

    @Autowired
    SubjectAccessService subjectAccess;

    private record Exported(String pdf, JsonNode json, String jsonText, List<String> names) {}

    private Exported export(UUID request) throws IOException {
        reAuthenticated("supervisor");
        var export = runAs.as("supervisor", () -> subjectAccess.export(request));
        var files = new HashMap<String, byte[]>();
        try (var zip = new ZipInputStream(new ByteArrayInputStream(export.zip()))) {
            for (var entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
                files.put(entry.getName(), zip.readAllBytes());
            }
        }
        var pdfBytes = files.entrySet().stream()
                .filter(e -> e.getKey().endsWith(".pdf"))
                .findFirst()
                .orElseThrow()
                .getValue();
        var jsonBytes = files.entrySet().stream()
                .filter(e -> e.getKey().endsWith(".json"))
                .findFirst()
                .orElseThrow()
                .getValue();
        String pdfText;
        try (var document = Loader.loadPDF(pdfBytes)) {
            pdfText = new PDFTextStripper().getText(document);
        }
        var jsonText = new String(jsonBytes, StandardCharsets.UTF_8);
        return new Exported(
                pdfText,
                JsonMapper.builder().build().readTree(jsonText),
                jsonText,
                files.keySet().stream().sorted().toList());
    }

    private static String marker(FullRecord.Planted planted, String what) {
        return planted.markers().stream()
                .filter(m -> m.startsWith(FullRecord.PREFIX + "-" + what + "-"))
                .findFirst()
                .orElseThrow();
    }

    @Test
    void exportHoldsEverythingHeldAsPdfAndJsonWithRedactionsAndSafeguardingLeftOutOfBoth() throws IOException {
        var planted = fullRecord.active();
        var request =
                runAs.as("supervisor", () -> requests.log(planted.code(), RequestKind.SUBJECT_ACCESS, charity.today()));
        var review = runAs.as("supervisor", () -> subjectAccess.review(request));
        var keys = review.items().stream().map(i -> i.item().key()).toList();
        assertThat(review.items())
                .anySatisfy(i -> assertThat(i.item().text()).isEqualTo(marker(planted, "presentation")));
        var referrer = review.items().stream()
                .filter(i -> i.item().key().equals("referral/referrer"))
                .findFirst()
                .orElseThrow();
        assertThat(referrer.item().thirdParty()).isTrue();
        var concern = review.items().stream()
                .filter(i -> marker(planted, "concern").equals(i.item().text()))
                .findFirst()
                .orElseThrow();
        assertThat(concern.item().safeguarding()).isTrue();
        assertThat(concern.included()).as("left out by default").isFalse();
        var themes = review.items().stream()
                .filter(i -> marker(planted, "themes").equals(i.item().text()))
                .findFirst()
                .orElseThrow();
        var themesTag = marker(planted, "themes").substring(FullRecord.PREFIX.length());

        runAs.as("supervisor", () -> {
            subjectAccess.withhold(request, "referral/referrer", null, "About the referrer, another person");
            subjectAccess.withhold(request, themes.item().key(), themesTag, "Names a third party");
        });
        assertThatThrownBy(() -> runAs.as(
                        "supervisor",
                        () -> subjectAccess.withhold(
                                request, themes.item().key(), "not in the text", "Names a third party")))
                .isInstanceOfSatisfying(
                        InvalidFields.class,
                        e -> assertThat(e.messageFor("passage")).contains("copy it exactly"));
        assertThatThrownBy(() ->
                        runAs.as("supervisor", () -> subjectAccess.withhold(request, "referral/referrer", null, "")))
                .isInstanceOfSatisfying(
                        InvalidFields.class,
                        e -> assertThat(e.messageFor("reason")).isNotBlank());

        var exported = export(request);
        assertThat(exported.names()).hasSize(2).allMatch(n -> n.startsWith("subject-access-" + planted.code()));
        for (var text : List.of(exported.pdf(), exported.jsonText())) {
            assertThat(text)
                    .contains(
                            planted.name(),
                            planted.email(),
                            marker(planted, "presentation"),
                            marker(planted, "addendum"),
                            marker(planted, "goals"),
                            marker(planted, "goals-v2"),
                            marker(planted, "review-cooperation"),
                            "About the referrer, another person",
                            "Names a third party",
                            SubjectAccessService.WITHHELD_MARK,
                            "counsellor1");
            assertThat(text)
                    .as("redacted and safeguarding content")
                    .doesNotContain(
                            marker(planted, "referrer"),
                            marker(planted, "themes"),
                            themesTag,
                            marker(planted, "concern"),
                            marker(planted, "police-ref"),
                            marker(planted, "decision-rationale"),
                            marker(planted, "concern-comment"),
                            marker(planted, "child-details"));
        }
        assertThat(exported.json().get("clientCode").asString()).isEqualTo(planted.code());
        assertThat(exported.json().get("accessLog").size()).isGreaterThan(5);
        assertThat(exported.json().get("sections").findValuesAsString("title"))
                .contains("Personal details", "Referral", "Session notes", "CORE-10 scores", "Risk-minimisation plan")
                .doesNotContain("Safeguarding concerns");
        assertThat(keys).doesNotHaveDuplicates();
        // The request is answered.
        assertThat(runAs.as("supervisor", () -> requests.request(request)).done())
                .isTrue();
    }

    @Test
    void releasingASafeguardingItemWithAReasonPutsItInTheExport() throws IOException {
        var planted = fullRecord.active();
        var request =
                runAs.as("supervisor", () -> requests.log(planted.code(), RequestKind.SUBJECT_ACCESS, charity.today()));
        var concern = runAs.as("supervisor", () -> subjectAccess.review(request)).items().stream()
                .filter(i -> marker(planted, "concern").equals(i.item().text()))
                .findFirst()
                .orElseThrow();
        assertThatThrownBy(() -> runAs.as(
                        "supervisor", () -> subjectAccess.release(request, "referral/summary", "Nothing risky")))
                .isInstanceOf(InvalidFields.class);
        runAs.as(
                "supervisor",
                () -> subjectAccess.release(request, concern.item().key(), "The client raised it themself"));
        var exported = export(request);
        assertThat(exported.pdf()).contains(marker(planted, "concern"));
        assertThat(exported.jsonText()).contains(marker(planted, "concern"));
    }

    @Test
    void exportNeedsAFreshReAuthenticationAndOnlyTheClientsTeamSupervisorReviewsOrExports() {
        var planted = fullRecord.active();
        var request =
                runAs.as("supervisor", () -> requests.log(planted.code(), RequestKind.SUBJECT_ACCESS, charity.today()));
        assertThatThrownBy(() -> runAs.as("supervisor", () -> subjectAccess.export(request)))
                .isInstanceOf(AccessDeniedException.class);
        reAuthenticated("supervisor2");
        assertThatThrownBy(() -> runAs.as("supervisor2", () -> subjectAccess.export(request)))
                .isInstanceOf(ClientAccessDenied.class);
        assertThatThrownBy(() -> runAs.as("supervisor2", () -> subjectAccess.review(request)))
                .isInstanceOf(ClientAccessDenied.class);
        assertThatThrownBy(() -> runAs.as("supervisor2", () -> subjectAccess.review(UUID.randomUUID())))
                .isInstanceOf(ClientAccessDenied.class);
        Map<String, Runnable> calls = Map.of(
                "review",
                () -> subjectAccess.review(request),
                "withhold",
                () -> subjectAccess.withhold(request, "referral/referrer", null, "Third party"),
                "release",
                () -> subjectAccess.release(request, "x", "y"),
                "undo",
                () -> subjectAccess.undo(request, UUID.randomUUID()),
                "export",
                () -> subjectAccess.export(request));
        for (var user : List.of("counsellor1", "admin")) {
            calls.forEach((name, call) -> assertThatThrownBy(() -> runAs.as(user, call))
                    .as(user + " " + name)
                    .isInstanceOf(AccessDeniedException.class));
        }
    }
}

package org.casebook.documents.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.IFrame;
import com.vaadin.flow.component.html.Image;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.component.upload.Upload;
import com.vaadin.flow.component.upload.UploadFormat;
import com.vaadin.flow.server.streams.DownloadEvent;
import com.vaadin.flow.server.streams.DownloadHandler;
import com.vaadin.flow.server.streams.UploadHandler;
import java.io.InputStream;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.casebook.client.ClientAccessDenied;
import org.casebook.documents.DocumentCategory;
import org.casebook.documents.DocumentRow;
import org.casebook.documents.DocumentService;
import org.casebook.documents.NewDocument;
import org.casebook.time.CharityClock;
import org.casebook.ui.FieldMessages;
import org.casebook.validation.DateRange;
import org.casebook.validation.InvalidFields;
import org.casebook.validation.Text;
import org.jspecify.annotations.Nullable;

/**
 * The client's documents. Upload streams straight into the service (which seals it chunk by chunk); the
 * browser's own type and size checks are conveniences, the service decides. Downloads and previews go
 * through the service on every request, so need-to-know is checked and each is audited.
 */
class DocumentsCard extends VerticalLayout {

    static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMM yyyy", Locale.UK);
    static final String[] ACCEPT = {
        "application/pdf",
        ".pdf",
        "image/jpeg",
        ".jpg",
        ".jpeg",
        "image/png",
        ".png",
        "image/gif",
        ".gif",
        "application/msword",
        ".doc",
        "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        ".docx"
    };

    /** What became of an upload, computed off the UI lock and shown under it. */
    record Outcome(@Nullable String message, @Nullable InvalidFields invalid) {
        boolean succeeded() {
            return message == null && invalid == null;
        }
    }

    final Select<DocumentCategory> category = new Select<>();
    final TextField title = new TextField("Title");
    final DatePicker date = new DatePicker("Date of the document");
    final Upload upload;
    final Div list = new Div();
    final Div preview = new Div();

    private final DocumentService documents;
    private final String clientCode;
    // The form's values as the upload request (another thread, without the session lock) needs them.
    private volatile NewDocument form;
    private volatile @Nullable UUID newVersionOf;

    DocumentsCard(DocumentService documents, CharityClock charity, String clientCode, boolean mayChange) {
        this.documents = documents;
        this.clientCode = clientCode;
        this.form = new NewDocument(null, null, charity.today(), null);
        addClassNames("card", "client-documents");
        setSpacing(false);
        add(new H2("Documents"));
        list.addClassName("document-list");
        preview.addClassName("document-preview");
        add(list, preview);
        upload = new Upload((UploadHandler) event -> {
            var outcome = receive(event.getFileName(), event.getInputStream());
            event.getUI().access(() -> show(outcome));
        });
        // Raw: the request body is the file, streamed to the handler. Multipart would let the servlet container
        // buffer parts in temporary files, unencrypted, before the handler sees them.
        upload.setUploadFormat(UploadFormat.RAW);
        upload.setMaxFiles(1);
        upload.setMaxFileSize((int) Math.min(Integer.MAX_VALUE, documents.maxSize()));
        upload.setAcceptedFileTypes(ACCEPT);
        upload.addFileRejectedListener(
                rejected -> Notification.show(rejected.getErrorMessage(), 6000, Notification.Position.MIDDLE)
                        .addThemeVariants(NotificationVariant.LUMO_ERROR));
        if (mayChange) {
            category.setLabel("Category");
            category.setItems(DocumentCategory.values());
            category.setItemLabelGenerator(DocumentCategory::label);
            FieldMessages.limit(title, Text.LINE);
            FieldMessages.limit(date, DateRange.PLANNING, charity.today());
            date.setValue(charity.today());
            category.addValueChangeListener(e -> snapshot());
            title.addValueChangeListener(e -> snapshot());
            date.addValueChangeListener(e -> snapshot());
            var adding = new FormLayout(category, title, date);
            adding.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1), new FormLayout.ResponsiveStep("30em", 3));
            add(
                    new Paragraph("Add a document: choose its category, title and date, then the file (PDF, image or "
                            + "Word; at most " + documents.maxSize() / (1024 * 1024) + " MB)."),
                    adding,
                    upload);
        }
        refresh(mayChange);
    }

    private void snapshot() {
        form = new NewDocument(category.getValue(), title.getValue(), date.getValue(), null);
    }

    /** Hands an uploaded file to the service: a new document, or a new version of the one chosen. */
    Outcome receive(String fileName, InputStream content) {
        try {
            var versionOf = newVersionOf;
            if (versionOf != null) {
                documents.addVersion(versionOf, form.date(), fileName, content);
            } else {
                var f = form;
                documents.add(clientCode, new NewDocument(f.category(), f.title(), f.date(), fileName), content);
            }
            return new Outcome(null, null);
        } catch (InvalidFields invalid) {
            var aboutTheFile = invalid.messageFor(DocumentService.FILE);
            return aboutTheFile != null ? new Outcome(aboutTheFile, null) : new Outcome(null, invalid);
        } catch (ClientAccessDenied refused) {
            return new Outcome(refused.getMessage(), null);
        }
    }

    void show(Outcome outcome) {
        FieldMessages.clear(category, title, date);
        upload.clearFileList();
        if (outcome.invalid() != null) {
            FieldMessages.show(outcome.invalid(), Map.of("category", category, "title", title, "date", date));
            return;
        }
        if (outcome.message() != null) {
            Notification.show(outcome.message(), 8000, Notification.Position.MIDDLE)
                    .addThemeVariants(NotificationVariant.LUMO_ERROR);
            return;
        }
        Notification.show(newVersionOf == null ? "Document added." : "New version added.");
        newVersionOf = null;
        title.clear();
        refresh(true);
    }

    private void refresh(boolean mayChange) {
        list.removeAll();
        var found = documents.ofClient(clientCode);
        if (found.isEmpty()) {
            list.add(new Paragraph("No documents."));
            return;
        }
        var items = new UnorderedList();
        for (var document : found) {
            var latest = document.latest();
            var line = new ListItem();
            line.addClassName("document");
            line.add(new Span(document.category().label() + ": " + document.title() + ", " + DAY.format(latest.date())
                    + " (" + latest.fileName() + ", " + size(latest.size())
                    + (document.versions().size() > 1
                            ? ", version " + latest.number() + " of "
                                    + document.versions().size()
                            : "")
                    + ") "));
            for (var version : document.versions()) {
                var link = new Anchor(
                        download(version.id(), false),
                        document.versions().size() == 1 ? "Download" : "Download v" + version.number());
                link.addClassName("document-download");
                line.add(link, new Span(" "));
            }
            if (latest.previewable()) {
                var show = new Button("Preview", click -> preview(latest));
                show.addThemeVariants(ButtonVariant.LUMO_TERTIARY_INLINE, ButtonVariant.LUMO_SMALL);
                line.add(show, new Span(" "));
            }
            if (mayChange) {
                var again = new Button("New version", click -> {
                    newVersionOf = document.id();
                    Notification.show("Choose the file for the new version of \"" + document.title()
                            + "\" below; its date is the date in the form.");
                });
                again.addThemeVariants(ButtonVariant.LUMO_TERTIARY_INLINE, ButtonVariant.LUMO_SMALL);
                line.add(again);
            }
            items.add(line);
        }
        list.add(items);
    }

    void preview(DocumentRow.VersionRow version) {
        preview.removeAll();
        Component shown;
        if (version.mediaType().startsWith("image/")) {
            var image = new Image(download(version.id(), true), version.fileName());
            image.setMaxWidth("100%");
            shown = image;
        } else {
            var frame = new IFrame(download(version.id(), true));
            frame.setWidth("100%");
            frame.setHeight("32rem");
            frame.getElement().setAttribute("title", "Preview of " + version.fileName());
            shown = frame;
        }
        var close = new Button("Close preview", click -> preview.removeAll());
        close.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        preview.add(close, shown);
    }

    private DownloadHandler download(UUID versionId, boolean inline) {
        return (DownloadEvent event) -> documents.download(versionId, inline, file -> {
            event.setContentType(file.mediaType());
            event.setContentLength(file.size());
            if (inline) {
                event.inline(file.fileName());
                // This one response may be framed by our own page (the PDF preview); nothing else in it runs.
                event.getResponse().setHeader("X-Frame-Options", "SAMEORIGIN");
                event.getResponse()
                        .setHeader(
                                "Content-Security-Policy",
                                "default-src 'none'; img-src 'self'; style-src 'unsafe-inline'; frame-ancestors 'self'");
            } else {
                event.setFileName(file.fileName());
            }
            event.getResponse().setHeader("Cache-Control", "no-store");
            return event.getOutputStream();
        });
    }

    static String size(long bytes) {
        return bytes < 1024 * 1024
                ? Math.max(1, bytes / 1024) + " KB"
                : String.format(Locale.UK, "%.1f MB", bytes / 1048576.0);
    }
}

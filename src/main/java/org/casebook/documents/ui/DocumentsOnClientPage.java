package org.casebook.documents.ui;

import com.vaadin.flow.component.Component;
import org.casebook.client.ClientAccess;
import org.casebook.client.ClientPageSection;
import org.casebook.documents.DocumentService;
import org.casebook.time.CharityClock;

/** On the client page: the client's documents, with upload, versions, download and preview. */
@org.springframework.stereotype.Component
class DocumentsOnClientPage implements ClientPageSection {

    private final DocumentService documents;
    private final CharityClock charity;

    DocumentsOnClientPage(DocumentService documents, CharityClock charity) {
        this.documents = documents;
        this.charity = charity;
    }

    @Override
    public int order() {
        return 45;
    }

    @Override
    public Component create(ClientAccess access) {
        return new DocumentsCard(documents, charity, access.code(), !access.isBreakGlass());
    }
}

package org.casebook.documents;

import java.io.IOException;
import java.io.InputStream;
import java.util.Set;
import org.apache.tika.detect.Detector;
import org.apache.tika.metadata.Metadata;
import org.apache.tika.metadata.TikaCoreProperties;
import org.apache.tika.mime.MediaType;
import org.apache.tika.mime.MimeTypes;
import org.jspecify.annotations.Nullable;

/**
 * Which files are accepted, decided from their content by Apache Tika's detector. The file name is passed as
 * a hint only: Tika uses it to tell apart formats that share a container (a Word .docx is a zip), never to
 * overrule the bytes, so an executable renamed {@code letter.pdf} is still an executable.
 */
final class DocumentTypes {

    static final String PDF = "application/pdf";
    static final Set<String> IMAGES = Set.of("image/jpeg", "image/png", "image/gif");
    static final Set<String> PREVIEWABLE = Set.of(PDF, "image/jpeg", "image/png", "image/gif");
    static final Set<String> ACCEPTED = Set.of(
            PDF,
            "image/jpeg",
            "image/png",
            "image/gif",
            "application/msword",
            "application/vnd.openxmlformats-officedocument.wordprocessingml.document");

    private static final Detector DETECTOR = MimeTypes.getDefaultMimeTypes();

    private DocumentTypes() {}

    /** The type of the content at the start of {@code in}, which must support mark and reset. */
    static String detect(InputStream in, @Nullable String fileName) throws IOException {
        var metadata = new Metadata();
        if (fileName != null) {
            metadata.set(TikaCoreProperties.RESOURCE_NAME_KEY, fileName);
        }
        MediaType type = DETECTOR.detect(in, metadata);
        return type.getBaseType().toString();
    }
}

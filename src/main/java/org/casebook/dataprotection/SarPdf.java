package org.casebook.dataprotection;

import com.lowagie.text.Document;
import com.lowagie.text.DocumentException;
import com.lowagie.text.Font;
import com.lowagie.text.FontFactory;
import com.lowagie.text.PageSize;
import com.lowagie.text.Paragraph;
import com.lowagie.text.Phrase;
import com.lowagie.text.pdf.PdfPCell;
import com.lowagie.text.pdf.PdfPTable;
import com.lowagie.text.pdf.PdfWriter;
import java.awt.Color;
import java.io.ByteArrayOutputStream;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

/** The subject access export as a PDF for the person: their records, section by section, and who accessed them. */
final class SarPdf {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMMM yyyy");
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("d MMM yyyy HH:mm");
    private static final Font TITLE = FontFactory.getFont(FontFactory.HELVETICA_BOLD, 18);
    private static final Font HEADING =
            FontFactory.getFont(FontFactory.HELVETICA_BOLD, 13, new Color(0x1a, 0x4d, 0x7a));
    private static final Font LABEL = FontFactory.getFont(FontFactory.HELVETICA_BOLD, 10);
    private static final Font BODY = FontFactory.getFont(FontFactory.HELVETICA, 10);
    private static final Font WITHHELD =
            FontFactory.getFont(FontFactory.HELVETICA_OBLIQUE, 9, new Color(0x8a, 0x1c, 0x1c));
    private static final Font SMALL = FontFactory.getFont(FontFactory.HELVETICA, 9, Color.DARK_GRAY);

    private SarPdf() {}

    static byte[] render(SarDocument sar, ZoneId zone) {
        var out = new ByteArrayOutputStream();
        var document = new Document(PageSize.A4, 50, 50, 50, 50);
        try {
            PdfWriter.getInstance(document, out);
            document.addTitle("Subject access " + sar.clientCode());
            document.addCreator("Casebook");
            document.open();
            document.add(new Paragraph("Your records", TITLE));
            document.add(new Paragraph(
                    "Everything the charity holds about you under client code " + sar.clientCode()
                            + ", produced " + sar.producedOn().format(DAY) + " in answer to your request received "
                            + sar.receivedOn().format(DAY)
                            + ". Where something was withheld (for example because it is about "
                            + "another person), the place is marked and the reason given.",
                    SMALL));
            for (var section : sar.sections()) {
                var heading = new Paragraph(section.title(), HEADING);
                heading.setSpacingBefore(14);
                heading.setSpacingAfter(4);
                document.add(heading);
                for (var entry : section.entries()) {
                    var label = new Paragraph(entry.label(), LABEL);
                    label.setSpacingBefore(6);
                    document.add(label);
                    if (entry.text() != null) {
                        var body = new Paragraph(entry.text(), BODY);
                        body.setLeading(13);
                        document.add(body);
                    }
                    if (entry.withheld() != null) {
                        document.add(new Paragraph("Withheld: " + entry.withheld(), WITHHELD));
                    }
                }
            }
            var heading = new Paragraph("Who accessed your record", HEADING);
            heading.setSpacingBefore(14);
            heading.setSpacingAfter(6);
            document.add(heading);
            var table = new PdfPTable(new float[] {2.2f, 2, 2, 3, 1.4f});
            table.setWidthPercentage(100);
            for (var head : new String[] {"When", "Who", "Role", "What", "Outcome"}) {
                var cell = new PdfPCell(new Phrase(head, LABEL));
                cell.setBackgroundColor(new Color(0xe8, 0xee, 0xf4));
                table.addCell(cell);
            }
            for (var access : sar.accessLog()) {
                table.addCell(new Phrase(WHEN.format(access.at().atZone(zone)), SMALL));
                table.addCell(new Phrase(access.who(), SMALL));
                table.addCell(new Phrase(access.roles(), SMALL));
                table.addCell(new Phrase(access.action(), SMALL));
                table.addCell(new Phrase(access.outcome(), SMALL));
            }
            document.add(table);
            document.close();
        } catch (DocumentException e) {
            throw new IllegalStateException("Could not lay out the subject access export as a PDF", e);
        }
        return out.toByteArray();
    }
}

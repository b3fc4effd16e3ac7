package org.casebook.riskplan;

import com.lowagie.text.Document;
import com.lowagie.text.DocumentException;
import com.lowagie.text.Element;
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
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** The plan laid out to go through with the client (OpenPDF): plain, readable, no client name. */
final class PlanPdf {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.UK);
    private static final Font TITLE = FontFactory.getFont(FontFactory.HELVETICA_BOLD, 18);
    private static final Font HEADING =
            FontFactory.getFont(FontFactory.HELVETICA_BOLD, 12, new Color(0x1a, 0x4d, 0x7a));
    private static final Font BODY = FontFactory.getFont(FontFactory.HELVETICA, 11);
    private static final Font SMALL = FontFactory.getFont(FontFactory.HELVETICA, 9, Color.DARK_GRAY);
    private static final Font CELL_HEAD = FontFactory.getFont(FontFactory.HELVETICA_BOLD, 10);
    private static final Font CELL = FontFactory.getFont(FontFactory.HELVETICA, 10);

    private PlanPdf() {}

    static byte[] render(String code, PlanVersionView plan, java.time.LocalDate nextReview, java.time.ZoneId zone) {
        var out = new ByteArrayOutputStream();
        var document = new Document(PageSize.A4, 50, 50, 50, 50);
        try {
            PdfWriter.getInstance(document, out);
            document.addTitle("Risk-minimisation plan " + code);
            document.addCreator("Casebook");
            document.open();
            document.add(new Paragraph("My risk-minimisation plan", TITLE));
            document.add(new Paragraph(
                    "Client " + code + " - version " + plan.number() + ", "
                            + plan.changedAt().atZone(zone).toLocalDate().format(DAY)
                            + ". Next review: " + nextReview.format(DAY) + ".",
                    SMALL));
            var content = plan.content();
            for (int i = 0; i < PlanContent.TITLES.size(); i++) {
                section(document, PlanContent.TITLES.get(i), content.texts().get(i));
            }
            var heading = new Paragraph("Agreed actions", HEADING);
            heading.setSpacingBefore(14);
            heading.setSpacingAfter(6);
            document.add(heading);
            if (content.actions().isEmpty()) {
                document.add(new Paragraph("None agreed yet.", BODY));
            } else {
                var table = new PdfPTable(new float[] {5, 2.5f, 2, 1.3f});
                table.setWidthPercentage(100);
                for (var head : new String[] {"What", "Who", "By when", "Done"}) {
                    var cell = new PdfPCell(new Phrase(head, CELL_HEAD));
                    cell.setBackgroundColor(new Color(0xe8, 0xee, 0xf4));
                    cell.setPadding(5);
                    table.addCell(cell);
                }
                for (var action : content.actions()) {
                    table.addCell(cell(action.what()));
                    table.addCell(cell(action.who() == null ? "" : action.who()));
                    table.addCell(
                            cell(action.byWhen() == null ? "" : action.byWhen().format(DAY)));
                    var done = cell(action.done() ? "Yes" : "Not yet");
                    done.setHorizontalAlignment(Element.ALIGN_CENTER);
                    table.addCell(done);
                }
                document.add(table);
            }
            document.close();
        } catch (DocumentException e) {
            throw new IllegalStateException("Could not lay out the plan as a PDF", e);
        }
        return out.toByteArray();
    }

    private static void section(Document document, String title, @org.jspecify.annotations.Nullable String text) {
        var heading = new Paragraph(title, HEADING);
        heading.setSpacingBefore(14);
        heading.setSpacingAfter(4);
        document.add(heading);
        var body = new Paragraph(text == null || text.isBlank() ? "Not written yet." : text, BODY);
        body.setLeading(15);
        document.add(body);
    }

    private static PdfPCell cell(String text) {
        var cell = new PdfPCell(new Phrase(text, CELL));
        cell.setPadding(5);
        return cell;
    }
}

package gov.planning.plan;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;

import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSInteger;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.PDResources;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDFontFactory;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableRow;

/**
 * A .docx and a PDF made from a document's text, as an office would hold them: in the .docx every line is a
 * paragraph and tab-separated lines are a Word table; the PDF shows every line at its place on the page, table cells
 * in columns, with a text layer.
 */
final class DocumentFixtures {

    private DocumentFixtures() {
    }

    static String base64(byte[] bytes) {
        return Base64.getEncoder().encodeToString(bytes);
    }

    static byte[] docx(String text) {
        try (XWPFDocument doc = new XWPFDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            List<String> lines = text.lines().toList();
            for (int i = 0; i < lines.size(); i++) {
                if (!lines.get(i).contains("\t")) {
                    doc.createParagraph().createRun().setText(lines.get(i));
                    continue;
                }
                int first = i;
                while (i + 1 < lines.size() && lines.get(i + 1).contains("\t")) {
                    i++;
                }
                List<String[]> rows = lines.subList(first, i + 1).stream().map(l -> l.split("\t")).toList();
                XWPFTable table = doc.createTable(rows.size(), rows.get(0).length);
                for (int r = 0; r < rows.size(); r++) {
                    XWPFTableRow row = table.getRow(r);
                    for (int c = 0; c < rows.get(r).length; c++) {
                        row.getCell(c).setText(rows.get(r)[c]);
                    }
                }
            }
            doc.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * A PDF whose text is set in Adobe's standard Chinese font STSong-Light (not embedded: readers substitute it, and
     * the text layer maps through the predefined UniGB-UCS2-H encoding), so no CJK font file is needed to make it.
     */
    static byte[] pdf(String text) {
        PDRectangle size = new PDRectangle(1200, 842);
        float lineHeight = 14;
        try (PDDocument doc = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            COSDictionary font = chineseFont();
            PDPageContentStream page = null;
            float y = 0;
            for (String line : text.lines().toList()) {
                if (page == null || y < 40) {
                    if (page != null) {
                        page.close();
                    }
                    PDPage p = new PDPage(size);
                    PDResources resources = new PDResources();
                    resources.put(COSName.getPDFName("F1"), PDFontFactory.createFont(font));
                    p.setResources(resources);
                    doc.addPage(p);
                    page = new PDPageContentStream(doc, p);
                    y = size.getHeight() - 40;
                }
                String[] cells = line.split("\t");
                for (int c = 0; c < cells.length; c++) {
                    if (cells[c].isEmpty()) {
                        continue;
                    }
                    StringBuilder hex = new StringBuilder();
                    for (byte b : cells[c].getBytes(StandardCharsets.UTF_16BE)) {
                        hex.append(String.format("%02X", b));
                    }
                    String show = "BT /F1 10 Tf " + (40 + c * 150) + " " + y + " Td <" + hex + "> Tj ET\n";
                    page.appendRawCommands(show);
                }
                y -= lineHeight;
            }
            if (page != null) {
                page.close();
            }
            doc.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A scan: pages with drawn shapes only, no text layer. */
    static byte[] scannedPdf() {
        try (PDDocument doc = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            for (int i = 0; i < 2; i++) {
                PDPage p = new PDPage(PDRectangle.A4);
                doc.addPage(p);
                try (PDPageContentStream page = new PDPageContentStream(doc, p)) {
                    for (int line = 0; line < 30; line++) {
                        page.addRect(60, 780 - line * 24, 470, 8);
                    }
                    page.fill();
                }
            }
            doc.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static COSDictionary chineseFont() {
        COSDictionary descriptor = new COSDictionary();
        descriptor.setItem(COSName.TYPE, COSName.FONT_DESC);
        descriptor.setName(COSName.FONT_NAME, "STSong-Light");
        descriptor.setInt(COSName.FLAGS, 6);
        COSArray box = new COSArray();
        for (int v : new int[] { -25, -254, 1000, 880 }) {
            box.add(COSInteger.get(v));
        }
        descriptor.setItem(COSName.FONT_BBOX, box);
        descriptor.setInt(COSName.ITALIC_ANGLE, 0);
        descriptor.setInt(COSName.ASCENT, 880);
        descriptor.setInt(COSName.DESCENT, -120);
        descriptor.setInt(COSName.CAP_HEIGHT, 880);
        descriptor.setInt(COSName.STEM_V, 93);

        COSDictionary systemInfo = new COSDictionary();
        systemInfo.setString(COSName.REGISTRY, "Adobe");
        systemInfo.setString(COSName.ORDERING, "GB1");
        systemInfo.setInt(COSName.SUPPLEMENT, 2);

        COSDictionary cidFont = new COSDictionary();
        cidFont.setItem(COSName.TYPE, COSName.FONT);
        cidFont.setItem(COSName.SUBTYPE, COSName.CID_FONT_TYPE0);
        cidFont.setName(COSName.BASE_FONT, "STSong-Light");
        cidFont.setItem(COSName.CIDSYSTEMINFO, systemInfo);
        cidFont.setItem(COSName.FONT_DESC, descriptor);
        cidFont.setInt(COSName.DW, 1000);

        COSDictionary font = new COSDictionary();
        font.setItem(COSName.TYPE, COSName.FONT);
        font.setItem(COSName.SUBTYPE, COSName.TYPE0);
        font.setName(COSName.BASE_FONT, "STSong-Light-UniGB-UCS2-H");
        font.setName(COSName.ENCODING, "UniGB-UCS2-H");
        COSArray descendants = new COSArray();
        descendants.add(cidFont);
        font.setItem(COSName.DESCENDANT_FONTS, descendants);
        return font;
    }
}

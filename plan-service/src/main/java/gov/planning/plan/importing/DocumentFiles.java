package gov.planning.plan.importing;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Locale;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.encryption.InvalidPasswordException;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.poi.xwpf.usermodel.IBodyElement;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableCell;
import org.apache.poi.xwpf.usermodel.XWPFTableRow;

import gov.planning.common.error.BadUserInputException;

/**
 * The text of an uploaded plan document, in the layout plan-document-parser reads: a .docx gives one line per
 * paragraph and one tab-separated line per table row (which the parser reads as a breakdown table); a PDF gives its
 * text layer. A PDF without one (a scan) is refused: reading images (OCR) would guess.
 */
public final class DocumentFiles {

    /** Decoded bytes; base64 of it stays below the HTTP body limit (10 MB) of the gateway and plan-service. */
    public static final int MAX_BYTES = 5 * 1024 * 1024;
    /** Fewer visible characters than this per page means there is no text layer worth reading. */
    private static final int MIN_CHARS_PER_PAGE = 20;

    private DocumentFiles() {
    }

    public static String text(String name, byte[] content) {
        String file = name == null ? "" : name.strip();
        if (content == null || content.length == 0) {
            throw new BadUserInputException("file.contentBase64: 文件“" + file + "”是空的");
        }
        if (content.length > MAX_BYTES) {
            throw new BadUserInputException("file.contentBase64: 文件“" + file + "”有 " + content.length + " 字节，最多 "
                    + MAX_BYTES + " 字节（5 MB）");
        }
        String lower = file.toLowerCase(Locale.ROOT);
        if (lower.endsWith(".docx")) {
            return docx(file, content);
        }
        if (lower.endsWith(".pdf")) {
            return pdf(file, content);
        }
        if (lower.endsWith(".doc") || lower.endsWith(".wps")) {
            throw new BadUserInputException("file.name: 不支持“" + file + "”的格式，请在 Word/WPS 中另存为 .docx 后上传，或上传 PDF");
        }
        throw new BadUserInputException("file.name: 只能上传 .docx 或 .pdf 文件（“" + file + "”不是）；其他格式请粘贴文本");
    }

    private static String docx(String file, byte[] content) {
        try (XWPFDocument doc = new XWPFDocument(new ByteArrayInputStream(content))) {
            StringBuilder text = new StringBuilder();
            for (IBodyElement element : doc.getBodyElements()) {
                if (element instanceof XWPFParagraph paragraph) {
                    text.append(paragraph.getText()).append('\n');
                } else if (element instanceof XWPFTable table) {
                    for (XWPFTableRow row : table.getRows()) {
                        StringBuilder line = new StringBuilder();
                        for (XWPFTableCell cell : row.getTableCells()) {
                            if (!line.isEmpty()) {
                                line.append('\t');
                            }
                            // a cell's own line breaks would cut the row into pieces
                            line.append(cell.getText().replaceAll("\\s+", " ").strip());
                        }
                        text.append(line).append('\n');
                    }
                }
            }
            return text.toString();
        } catch (IOException | RuntimeException e) {
            throw new BadUserInputException("file.contentBase64: 无法读取 Word 文件“" + file + "”，它不是有效的 .docx 文件");
        }
    }

    private static String pdf(String file, byte[] content) {
        String text;
        int pages;
        try (PDDocument doc = Loader.loadPDF(content)) {
            pages = doc.getNumberOfPages();
            PDFTextStripper stripper = new PDFTextStripper();
            stripper.setSortByPosition(true);
            stripper.setLineSeparator("\n");
            text = stripper.getText(doc);
        } catch (InvalidPasswordException e) {
            throw new BadUserInputException("file.contentBase64: PDF 文件“" + file + "”有打开密码，请上传未加密的文件");
        } catch (IOException | RuntimeException e) {
            throw new BadUserInputException("file.contentBase64: 无法读取 PDF 文件“" + file + "”，它不是有效的 PDF 文件");
        }
        long visible = text.codePoints().filter(c -> !Character.isWhitespace(c)).count();
        if (visible < (long) MIN_CHARS_PER_PAGE * Math.max(1, pages)) {
            throw new BadUserInputException("file.contentBase64: PDF 文件“" + file + "”没有文字层（可能是扫描件），无法读取；"
                    + "请上传可复制文字的 PDF 或 .docx，或粘贴文本");
        }
        return text;
    }
}

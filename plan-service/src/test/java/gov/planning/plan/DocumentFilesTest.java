package gov.planning.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

import gov.planning.common.error.BadUserInputException;
import gov.planning.document.ParsedPlanDocument;
import gov.planning.document.PlanDocumentParser;
import gov.planning.plan.importing.DocumentFiles;
import gov.planning.testing.SampleDocuments;

/** Uploaded files read to text the parser understands exactly as it understands the document's own text. */
class DocumentFilesTest {

    static String document(String name) {
        if (!name.startsWith("documents/")) {
            return SampleDocuments.read(name);
        }
        try (InputStream in = DocumentFilesTest.class.getClassLoader().getResourceAsStream(name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void assertSameDocument(ParsedPlanDocument fromFile, ParsedPlanDocument fromText) {
        assertThat(fromFile.title()).isEqualTo(fromText.title());
        assertThat(fromFile.docNumber()).isEqualTo(fromText.docNumber());
        assertThat(fromFile.issuer()).isEqualTo(fromText.issuer());
        assertThat(fromFile.issuedOn()).isEqualTo(fromText.issuedOn());
        assertThat(fromFile.period()).isEqualTo(fromText.period());
        assertThat(fromFile.outline()).isEqualTo(fromText.outline());
        assertThat(fromFile.tasks()).isEqualTo(fromText.tasks());
        assertThat(fromFile.indicators()).isEqualTo(fromText.indicators());
        assertThat(fromFile.regionalTables()).isEqualTo(fromText.regionalTables());
    }

    @ParameterizedTest
    @ValueSource(strings = { "synthetic-breakdown-table.txt", "gx-2014-urbanization-task-division.txt",
            "documents/county-banner-implementation-plan.txt" })
    void aDocxReadsAsTheSameDocumentAsItsTextTablesIncluded(String name) {
        String text = document(name);
        String read = DocumentFiles.text("方案.docx", DocumentFixtures.docx(text));
        assertSameDocument(PlanDocumentParser.parse(read), PlanDocumentParser.parse(text));
    }

    @ParameterizedTest
    @ValueSource(strings = { "synthetic-breakdown-table.txt", "gx-2014-urbanization-task-division.txt",
            "documents/county-banner-implementation-plan.txt" })
    void aTextPdfReadsAsTheSameDocumentAsItsTextTablesIncluded(String name) {
        String text = document(name);
        String read = DocumentFiles.text("方案.PDF", DocumentFixtures.pdf(text));
        assertSameDocument(PlanDocumentParser.parse(read), PlanDocumentParser.parse(text));
    }

    @Test
    void aScannedPdfIsRefusedSayingItHasNoTextLayer() {
        assertThatThrownBy(() -> DocumentFiles.text("扫描件.pdf", DocumentFixtures.scannedPdf()))
                .isInstanceOf(BadUserInputException.class).hasMessageContaining("没有文字层").hasMessageContaining("扫描件.pdf");
    }

    @Test
    void otherFormatsAndBrokenFilesAreRefusedNamingTheField() {
        assertThatThrownBy(() -> DocumentFiles.text("方案.doc", new byte[] { 1 })).hasMessageStartingWith("file.name: ")
                .hasMessageContaining(".docx");
        assertThatThrownBy(() -> DocumentFiles.text("方案.xlsx", new byte[] { 1 })).hasMessageStartingWith("file.name: ");
        assertThatThrownBy(() -> DocumentFiles.text("方案.docx", "not a zip".getBytes(StandardCharsets.UTF_8)))
                .hasMessageStartingWith("file.contentBase64: ").hasMessageContaining("不是有效的 .docx");
        assertThatThrownBy(() -> DocumentFiles.text("方案.pdf", "%PDF-1.7 broken".getBytes(StandardCharsets.UTF_8)))
                .hasMessageStartingWith("file.contentBase64: ").hasMessageContaining("不是有效的 PDF");
        assertThatThrownBy(() -> DocumentFiles.text("方案.pdf", new byte[DocumentFiles.MAX_BYTES + 1]))
                .hasMessageContaining("最多");
    }
}

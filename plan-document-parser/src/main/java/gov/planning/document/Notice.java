package gov.planning.document;

import java.time.LocalDate;

/**
 * The covering notice (通知) or header and footer around the plan text: recognised so that it is not
 * mistaken for plan content, and kept so that an importer can show it. Any field may be null.
 *
 * @param title       the notice's own title, e.g. "…关于印发…的通知", or the document's header title
 * @param docNumber   发文字号 with stray spaces removed, e.g. 内政办发〔2021〕40号
 * @param addressees  主送 line as written, without the closing colon
 * @param issuer      发文机关 as written
 * @param issuedOn    成文/印发 date
 * @param copiedTo    抄送 list as written
 * @param printedBy   the 印发 line (office and date) as written
 */
public record Notice(String title, String docNumber, String addressees, String issuer, LocalDate issuedOn,
                     String copiedTo, String printedBy) {
}

package gov.planning.document;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Recognises what surrounds the plan text so that it is not read as plan content: the header
 * (title, 发文字号, 主送), a covering notice (…关于印发…的通知, 现将…印发给你们, signature and date),
 * publication notes (此件公开发布), the footer (抄送 …, …印发) and references to annexes.
 */
final class NoticeWrapper {

    /** The header and footer as read, and the paragraphs that remain for the plan itself. */
    record Reading(Notice notice, String planTitle, String issuer, String docNumber, LocalDate issuedOn,
                   List<Paragraph> body) {
    }

    static final Pattern DOC_NUMBER = Pattern.compile(
            "([\\p{IsHan}]{1,12})\\s*[〔\\[［【(（]\\s*((?:19|20)\\d{2})\\s*[〕\\]］】)）]\\s*(\\d{1,4})\\s*号");
    private static final Pattern DATE_LINE = Pattern.compile(
            "^((?:19|20)\\d{2})\\s*年\\s*(\\d{1,2})\\s*月(?:\\s*(\\d{1,2})\\s*日)?$");
    private static final Pattern PUBLISHED_ON = Pattern.compile(
            "发布日期\\s*[:：]?\\s*((?:19|20)\\d{2})[-年./](\\d{1,2})[-月./](\\d{1,2})");
    private static final Pattern NOTICE_TITLE = Pattern.compile("^(.*?)关于(?:印发|转发|下发|批转|颁发|发布)(.*)的通知$");
    private static final Pattern ABOUT_TITLE = Pattern.compile("^(.*?)关于.+");
    private static final Pattern NOTICE_BODY = Pattern.compile("印发给你们|现将|现印发|请认真|贯彻执行|遵照执行|抓好落实");
    private static final Pattern QUOTED_TITLE = Pattern.compile("《([^》]+)》");
    private static final Pattern PUBLICATION_NOTE = Pattern.compile("^[（(]此件.{0,10}[）)]$");
    private static final Pattern PRINTED = Pattern.compile("^(.*?)\\s*((?:19|20)\\d{2})\\s*年\\s*(\\d{1,2})\\s*月\\s*(\\d{1,2})\\s*日\\s*印发$");
    private static final Pattern ISSUER_LIKE = Pattern.compile("(?:人民政府|政府|办公厅|办公室|委员会|行政公署|公署|厅|局|委)$");

    private static final Pattern ATTACHMENT_HEADING = Pattern.compile("^附件\\s*\\d*$");
    private static final Pattern ATTACHMENT_LIST = Pattern.compile("^附件\\s*[:：]\\s*1\\s*[.．、]");

    private NoticeWrapper() {
    }

    static Reading read(List<Paragraph> paragraphs) {
        List<Paragraph> ps = new ArrayList<>(paragraphs);
        // Footer and page furniture first, wherever they are.
        String copiedTo = null;
        String printedBy = null;
        LocalDate printedOn = null;
        LocalDate lastDateLine = null;
        List<Paragraph> kept = new ArrayList<>();
        boolean inCopyList = false;
        boolean inAttachmentList = false;
        int attachmentStart = -1;
        for (Paragraph p : ps) {
            String t = p.text();
            if (inAttachmentList && p.marker() != null && p.marker().style() == Numbering.ARABIC) {
                continue; // "附件：1.…" goes on with "2.…" on the next line: a list of attachments, not an item
            }
            inAttachmentList = ATTACHMENT_LIST.matcher(t).find();
            Matcher printed = PRINTED.matcher(t);
            if (t.startsWith("抄送")) {
                copiedTo = t.replaceFirst("^抄送\\s*[:：]?", "");
                inCopyList = true;
                continue;
            }
            if (printed.matches()) {
                printedBy = t;
                printedOn = date(printed.group(2), printed.group(3), printed.group(4));
                inCopyList = false;
                continue;
            }
            if (inCopyList && p.marker() == null && !t.startsWith("附件")) {
                copiedTo = copiedTo + t; // the 抄送 list runs on over several lines
                continue;
            }
            inCopyList = false;
            if (ATTACHMENT_HEADING.matcher(t).matches() && attachmentStart < 0 && !kept.isEmpty()) {
                attachmentStart = kept.size(); // "附件1" on its own: the attached plan starts here
            }
            if (PUBLICATION_NOTE.matcher(t).matches() || t.startsWith("附件")) {
                continue;
            }
            kept.add(p);
        }
        ps = kept;

        int i = 0;
        StringBuilder title = new StringBuilder();
        String docNumber = null;
        String addressees = null;
        LocalDate issuedOn = null;
        while (i < ps.size() && i < 3 && isTitlePart(ps.get(i).text())) {
            title.append(ps.get(i).text());
            i++;
        }
        String headerTitle = title.toString();
        Matcher inTitle = Pattern.compile("[（(]\\s*(" + DOC_NUMBER.pattern() + ")\\s*[）)]$").matcher(headerTitle);
        if (inTitle.find()) {
            docNumber = docNumber(inTitle.group(1));
            headerTitle = headerTitle.substring(0, inTitle.start());
        }
        // Header lines in any order: 发文字号, 发布日期, 主送.
        while (i < ps.size()) {
            String t = ps.get(i).text();
            Matcher dn = DOC_NUMBER.matcher(t);
            Matcher pub = PUBLISHED_ON.matcher(t);
            if (docNumber == null && dn.find() && t.length() <= dn.end() - dn.start() + 4) {
                docNumber = docNumber(dn.group());
            } else if (pub.find()) {
                issuedOn = date(pub.group(1), pub.group(2), pub.group(3));
            } else if (addressees == null && isAddressees(t)) {
                addressees = t.substring(0, t.length() - 1);
            } else {
                break;
            }
            i++;
        }

        String issuer = null;
        String planTitle = headerTitle;
        Matcher notice = NOTICE_TITLE.matcher(headerTitle);
        if (notice.matches()) {
            issuer = emptyToNull(notice.group(1));
            String quoted = null;
            // Notice body, signature, date and publication note.
            while (i < ps.size()) {
                String t = ps.get(i).text();
                Matcher date = DATE_LINE.matcher(t);
                if (NOTICE_BODY.matcher(t).find() && ps.get(i).marker() == null && t.length() < 400) {
                    Matcher q = QUOTED_TITLE.matcher(t);
                    if (quoted == null && q.find()) {
                        quoted = q.group(1);
                    }
                } else if (date.matches()) {
                    if (date.group(3) != null) { // a month alone is the plan's date line, not the signature
                        LocalDate d = date(date.group(1), date.group(2), date.group(3));
                        issuedOn = d != null ? d : issuedOn;
                    }
                } else if (t.length() <= 40 && ISSUER_LIKE.matcher(t).find() && !t.contains("。")) {
                    if (issuer == null) {
                        issuer = t;
                    }
                } else {
                    break;
                }
                i++;
            }
            planTitle = quoted != null ? quoted : notice.group(2);
            if (i < ps.size() && isPlanTitle(ps.get(i).text())) {
                planTitle = ps.get(i).text();
                i++;
            }
            while (i < ps.size() && DATE_LINE.matcher(ps.get(i).text()).matches()) {
                i++; // the plan's own date under its title (2016年12月)
            }
        } else if (attachmentStart > i && hasNoticeBody(ps.subList(i, attachmentStart))) {
            // A covering notice without its title line (web pages often drop it) and the plan as 附件1: the
            // notice's signature and date say who issued it and when; the plan starts after "附件1".
            for (Paragraph p : ps.subList(i, attachmentStart)) {
                String t = p.text();
                Matcher date = DATE_LINE.matcher(t);
                if (date.matches() && date.group(3) != null) {
                    issuedOn = date(date.group(1), date.group(2), date.group(3));
                } else if (t.length() <= 40 && ISSUER_LIKE.matcher(t).find() && !t.contains("。")) {
                    issuer = t;
                }
            }
            i = attachmentStart;
            planTitle = null;
            if (i < ps.size() && isPlanTitle(ps.get(i).text())) {
                planTitle = ps.get(i).text();
                i++;
            }
        } else {
            Matcher about = ABOUT_TITLE.matcher(headerTitle);
            if (about.matches() && ISSUER_LIKE.matcher(about.group(1)).find()) {
                issuer = about.group(1);
            }
        }

        List<Paragraph> body = new ArrayList<>();
        for (int k = i; k < ps.size(); k++) {
            Paragraph p = ps.get(k);
            Matcher date = DATE_LINE.matcher(p.text());
            if (date.matches()) {
                // A signature date at the end of a document without a covering notice.
                LocalDate d = date(date.group(1), date.group(2), date.group(3));
                if (date.group(3) != null && d != null) {
                    lastDateLine = d;
                }
                continue;
            }
            if (issuer != null && p.text().equals(issuer)) {
                continue; // the signature line repeats the issuer
            }
            body.add(p);
        }
        if (issuedOn == null) {
            issuedOn = lastDateLine != null ? lastDateLine : printedOn;
        }
        Notice n = new Notice(emptyToNull(headerTitle), docNumber, addressees, issuer, issuedOn, copiedTo, printedBy);
        return new Reading(n, emptyToNull(planTitle), issuer, docNumber, issuedOn, body);
    }

    /** 发文字号 with spaces removed and brackets made the official 〔〕. */
    static String docNumber(String text) {
        Matcher m = DOC_NUMBER.matcher(TextNormalizer.squeeze(text));
        return m.find() ? m.group(1) + "〔" + m.group(2) + "〕" + m.group(3) + "号" : null;
    }

    private static boolean hasNoticeBody(List<Paragraph> ps) {
        return ps.stream().anyMatch(p -> NOTICE_BODY.matcher(p.text()).find() && p.marker() == null);
    }

    private static boolean isTitlePart(String t) {
        return !t.isEmpty() && t.length() <= 120 && !t.contains("。") && !t.endsWith("：") && !t.endsWith(":")
                && Numbering.match(t) == null && !PUBLISHED_ON.matcher(t).find() && !DATE_LINE.matcher(t).matches()
                && !(DOC_NUMBER.matcher(t).find() && !t.contains("关于") && t.length() < 30);
    }

    private static boolean isAddressees(String t) {
        return (t.endsWith("：") || t.endsWith(":")) && t.length() <= 200 && !t.contains("。")
                && (t.contains("各") || t.contains("政府") || t.contains("单位") || t.contains("部门"));
    }

    private static boolean isPlanTitle(String t) {
        return t.length() <= 80 && !t.contains("。") && Numbering.match(t) == null
                && !DocumentLayout.LABEL.matcher(t).matches() && !t.endsWith("：") && !t.endsWith(":");
    }

    private static LocalDate date(String y, String m, String d) {
        try {
            return LocalDate.of(Integer.parseInt(y), Integer.parseInt(m), d == null ? 1 : Integer.parseInt(d));
        } catch (RuntimeException e) {
            return null;
        }
    }

    private static String emptyToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }
}

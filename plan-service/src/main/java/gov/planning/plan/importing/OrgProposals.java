package gov.planning.plan.importing;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import com.ibm.icu.text.Transliterator;

import gov.planning.common.api.Texts;

/**
 * Which unresolved names of a document are its government's own departments that the tree lacks, and what they would be
 * called (issue #21). A county's document writes them bare (财政局) or with its level word (旗财政局); the tree names a
 * department with its region (示例市财政局, short name 市财政局), so a proposal is the government's region plus the bare
 * name. Only names that plainly are a department or agency are proposed: a collective (各苏木镇人民政府), a government,
 * a township or a unit of another level (市财政局 in a banner's document, 自治区财政厅) is not — those are the admin's
 * to place by hand.
 */
public final class OrgProposals {

    private static final Pattern DEPARTMENT = Pattern.compile(".+(局|委员会|委|办公室|办|部)$");
    private static final Pattern AGENCY = Pattern.compile(".+(中心|站|所|队|院|馆|社|处)$");
    /** Not one department: collectives (各…, 有关…), governments, townships' offices (街道办事处), lists. */
    private static final Pattern NOT_A_DEPARTMENT = Pattern.compile(
            "^(各|有关|相关|其他|其它|全|本|所属)|人民政府|政府|行政公署|办事处$|[、，,；;]");
    /**
     * A level word at the start names a unit of another level than the government's (市财政局 in a banner's document);
     * 市场 and 区域 are words of their own (市场监督管理局).
     */
    private static final Pattern OTHER_LEVEL = Pattern.compile("^(国家|中央|国务院|自治区|省|市(?!场)|盟|州|地区|县|旗|区(?!域))");
    private static final Pattern GOVERNMENT_SUFFIX = Pattern.compile("(人民政府|行政公署|政府)$");
    private static final int CODE_WORD_MAX = 12;

    private static volatile Transliterator pinyin;

    private OrgProposals() {
    }

    /**
     * @param names unresolved unit names as written (task leads and cooperating units, indicators' responsible units)
     * @return one proposal per department, in the order the names came; the names of one department share it
     */
    public static List<OrgProposal> propose(OrgTreeClient.Government government, Collection<String> names) {
        String region = region(government);
        if (region == null) {
            return List.of();
        }
        String levelWord = levelWord(region);
        Map<String, List<String>> byName = new LinkedHashMap<>();
        Map<String, String> shortNames = new LinkedHashMap<>();
        for (String written : names) {
            String name = Texts.clean(written);
            if (name == null) {
                continue;
            }
            String bare = name.startsWith(region) ? name.substring(region.length())
                    : levelWord != null && name.startsWith(levelWord) && OTHER_LEVEL.matcher(name).find()
                            ? name.substring(levelWord.length()) : name;
            if (bare.isEmpty() || bare.length() > 30 || NOT_A_DEPARTMENT.matcher(bare).find() || OTHER_LEVEL.matcher(bare).find()
                    || kind(bare) == null) {
                continue;
            }
            String full = region + bare;
            byName.computeIfAbsent(full, k -> new ArrayList<>()).add(written);
            shortNames.put(full, levelWord == null ? null : levelWord + bare);
        }
        Set<String> taken = new HashSet<>(government.childCodes());
        List<OrgProposal> proposals = new ArrayList<>();
        byName.forEach((full, inputs) -> {
            String bare = full.substring(region.length());
            String code = freeCode(government.code() + "." + initials(bare), taken);
            proposals.add(new OrgProposal(inputs, full, shortNames.get(full), code, kind(bare), government.level(),
                    government.id(), government.code()));
        });
        return proposals;
    }

    static String kind(String bare) {
        return DEPARTMENT.matcher(bare).matches() ? "DEPARTMENT" : AGENCY.matcher(bare).matches() ? "AGENCY" : null;
    }

    /** 示例旗 from the government's region, else from its name (示例旗人民政府). */
    static String region(OrgTreeClient.Government government) {
        String region = Texts.clean(government.region());
        if (region != null) {
            return region;
        }
        String name = Texts.clean(government.name());
        if (name == null) {
            return null;
        }
        String stripped = GOVERNMENT_SUFFIX.matcher(name).replaceFirst("");
        return stripped.isEmpty() || stripped.equals(name) ? null : stripped;
    }

    /** The word a government's own documents put before its departments: 旗 for 示例旗, 市 for 示例市, 自治区 … */
    static String levelWord(String region) {
        for (String word : List.of("自治区", "自治州", "自治县", "自治旗", "地区", "省", "市", "盟", "州", "县", "旗", "区")) {
            if (region.endsWith(word) && region.length() > word.length()) {
                // 自治县/自治旗 documents still write 县财政局 / 旗财政局
                return word.startsWith("自治") && word.length() == 3 && !word.equals("自治区") ? word.substring(2) : word;
            }
        }
        return null;
    }

    /** The pinyin initials of a name (财政局 → czj), the way the tree's codes are made (nmg.fgw, sl.czj). */
    static String initials(String name) {
        if (pinyin == null) {
            pinyin = Transliterator.getInstance("Han-Latin; Latin-ASCII");
        }
        StringBuilder out = new StringBuilder();
        for (String syllable : pinyin.transliterate(name).toLowerCase(Locale.ROOT).split("[^a-z0-9]+")) {
            if (!syllable.isEmpty() && out.length() < CODE_WORD_MAX) {
                out.append(Character.isDigit(syllable.charAt(0)) ? syllable : syllable.substring(0, 1));
            }
        }
        return out.isEmpty() ? "org" : out.toString();
    }

    private static String freeCode(String wanted, Set<String> taken) {
        String code = wanted;
        for (int n = 2; !taken.add(code); n++) {
            code = wanted + n;
        }
        return code;
    }
}

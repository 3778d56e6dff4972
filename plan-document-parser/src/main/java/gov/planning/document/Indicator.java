package gov.planning.document;

import java.util.List;

/**
 * A quantitative target (目标指标).
 *
 * @param name            the indicator's name as written in the clause
 * @param unit            unit as written (%, 万人, 平方公里, Mbps …), null when none was found
 * @param comparator      how the target is to be met
 * @param baseline        基期值 when the text gives one (较2024年的52%), else null
 * @param target          目标值 with its target year (from the clause, the item's deadline or the plan period)
 * @param interimTargets  dated intermediate values (其中2022年25万亩)
 * @param leadOrgs        responsible organizations as written
 * @param cooperatingOrgs cooperating organizations as written
 * @param itemNumber      number of the target-list item it came from, e.g. （一）; null for a sentence
 * @param text            the clause it was read from
 */
public record Indicator(String name, String unit, Comparator comparator, Measure baseline, Measure target,
                        List<Measure> interimTargets, List<String> leadOrgs, List<String> cooperatingOrgs,
                        String itemNumber, String text) {
    public Indicator {
        interimTargets = List.copyOf(interimTargets);
        leadOrgs = List.copyOf(leadOrgs);
        cooperatingOrgs = List.copyOf(cooperatingOrgs);
    }
}

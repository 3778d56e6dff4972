package gov.planning.plan.importing;

import java.time.LocalDate;
import java.util.List;

import io.smallrye.mutiny.Uni;

/**
 * Resolves organization names as a document writes them, through org-service's {@code resolveOrganizationNames}.
 * Each inner list is resolved as one list, because org-service carries a prefix (自治区, 旗) from one name of a list
 * to the next only within the list it is given. Tests replace the default {@link GraphQLOrgNameLookup}.
 */
public interface OrgNameLookup {

    /**
     * @param lists       name lists as written (a task's lead units, its cooperating units, a table's regions…)
     * @param contextCode the issuer's code: in a county's document 财政局 means that county's
     * @param asOf        the issue date: historical names resolve to what existed then; null = today
     * @return per list, per name, in the given order
     */
    Uni<List<List<NameMatch>>> resolve(List<List<String>> lists, String contextCode, LocalDate asOf);
}

package gov.planning.plan.importing;

import java.util.List;
import java.util.UUID;

/**
 * A department the document names that the tree lacks, proposed as a new organization under the issuer's government:
 * what {@code createOrganization} would be given if an admin accepts it in the review.
 *
 * @param inputs the names as written that mean it (财政局 and 旗财政局 are one department)
 * @param kind   org-service's OrgKind: DEPARTMENT (局, 委员会, 办公室…) or AGENCY (中心, 站, 所…)
 * @param level  org-service's AdminLevel: the government's
 */
public record OrgProposal(List<String> inputs, String name, String shortName, String code, String kind, String level,
                          UUID parentId, String parentCode) {
    public OrgProposal {
        inputs = List.copyOf(inputs);
    }

    /** Accepted by its full name or any name it was written as. */
    public boolean isNamed(String name) {
        return this.name.equals(name) || inputs.contains(name);
    }
}

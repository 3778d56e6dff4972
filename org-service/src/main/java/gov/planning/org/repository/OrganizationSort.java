package gov.planning.org.repository;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Enum;

@Enum("OrganizationSort")
@Description("What the organization list is sorted by. NAME: full name in pinyin order; CODE: code (a parent before its "
        + "children); KIND: GOVERNMENT, GENERAL_OFFICE, DEPARTMENT, AGENCY, ENTERPRISE, LEADING_GROUP, DEVELOPMENT_ZONE, "
        + "COLLECTIVE, then by name; LEVEL: PROVINCE, PREFECTURE, COUNTY, TOWNSHIP, organizations without a level last, then "
        + "by name; UPDATED: time of the last change (default order DESC, newest first). Remaining ties are broken by id.")
public enum OrganizationSort {
    NAME, CODE, KIND, LEVEL, UPDATED
}

package gov.planning.indicator.listing;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Enum;

@Enum("IndicatorSort")
@Description("PLAN_ORDER: as the plan lists them (the order they were set); NAME; PROGRESS (indicators without progress "
        + "last in either order); UPDATED: by the last audited write (default order: newest first).")
public enum IndicatorSort {
    PLAN_ORDER, NAME, PROGRESS, UPDATED
}

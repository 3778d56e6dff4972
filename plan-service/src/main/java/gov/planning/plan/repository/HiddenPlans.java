package gov.planning.plan.repository;

import gov.planning.plan.entity.Plan;

/**
 * The one hidden-plan rule: a plan being imported ({@link Plan#importing}) is shown by no read, and neither are its
 * outline, tasks and reports, until the import finishes (docs/decisions/0007). Every read states the rule through
 * this class, in the form its query language needs, so that no read restates it by hand.
 */
public final class HiddenPlans {

    private HiddenPlans() {
    }

    /** SQL: the plan aliased {@code p} is shown. */
    public static final String SHOWN = "NOT p.importing";

    /** SQL: joins the plan of the task aliased {@code t} as {@code p}, leaving out the tasks of hidden plans. */
    public static final String JOIN_SHOWN_PLAN = "JOIN plan p ON p.id = t.plan_id AND " + SHOWN;

    /**
     * SQL: the task aliased {@code t} is of a shown plan, as a condition of its own (the subquery's {@code p} is its own):
     * with it a list joins its plan LEFT, which PostgreSQL leaves out where nothing reads the plan (a page of ids by
     * deadline at an offset then walks the deadline index alone; an inner join with the rule in it must stay).
     */
    public static final String OF_SHOWN_PLAN = "NOT EXISTS (SELECT 1 FROM plan p WHERE p.id = t.plan_id AND NOT (" + SHOWN + "))";

    /** HQL: the {@code Plan} queried is shown. */
    public static final String SHOWN_HQL = "importing = false";

    /** HQL: the entity queried (one with a {@code planId}: a task, a section) belongs to a shown plan. */
    public static final String IN_SHOWN_PLAN_HQL = "planId in (select sp.id from Plan sp where sp.importing = false)";

    /** The plan an entity read found, or null when there is none or it is hidden. */
    public static Plan shown(Plan plan) {
        return plan == null || plan.importing ? null : plan;
    }
}

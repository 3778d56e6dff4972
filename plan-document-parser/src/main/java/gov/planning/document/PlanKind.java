package gov.planning.document;

/** The kind of plan document, guessed from the words its title ends with. */
public enum PlanKind {
    PLAN, IMPLEMENTATION_PLAN, GUIDANCE, ACTION_PLAN, TASK_DIVISION
}

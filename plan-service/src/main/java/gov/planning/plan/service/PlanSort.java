package gov.planning.plan.service;

import org.eclipse.microprofile.graphql.Description;

@Description("What the plan list is sorted on: ISSUED (印发日期; plans without one last), UPDATED, TITLE, DOC_NUMBER.")
public enum PlanSort {
    ISSUED, UPDATED, TITLE, DOC_NUMBER
}

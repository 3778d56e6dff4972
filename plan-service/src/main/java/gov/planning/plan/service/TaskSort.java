package gov.planning.plan.service;

import org.eclipse.microprofile.graphql.Description;

@Description("What a task list is sorted on. NUMBER: document order (plan, then the task's place in it); DEADLINE: "
        + "ongoing tasks (长期坚持) last; HEALTH: ASC is most urgent first (RED, YELLOW, GREEN, DONE); PROGRESS: the "
        + "latest reported percent, tasks never reported last; UPDATED: last change; TITLE.")
public enum TaskSort {
    NUMBER, DEADLINE, HEALTH, PROGRESS, UPDATED, TITLE
}

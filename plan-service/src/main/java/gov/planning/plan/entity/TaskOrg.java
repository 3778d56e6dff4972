package gov.planning.plan.entity;

import java.io.Serializable;
import java.util.Objects;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

/** An organization on a task: LEAD (the first by position is the convener) or COOPERATING. */
@Entity
@Table(name = "task_org")
@IdClass(TaskOrg.Key.class)
public class TaskOrg {

    @Id
    @Column(name = "task_id")
    public UUID taskId;

    @Id
    @Column(name = "org_id")
    public UUID orgId;

    @Enumerated(EnumType.STRING)
    public TaskRole role;

    public int position;

    public static TaskOrg of(UUID taskId, UUID orgId, TaskRole role, int position) {
        TaskOrg org = new TaskOrg();
        org.taskId = taskId;
        org.orgId = orgId;
        org.role = role;
        org.position = position;
        return org;
    }

    public static class Key implements Serializable {
        public UUID taskId;
        public UUID orgId;

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && Objects.equals(taskId, k.taskId) && Objects.equals(orgId, k.orgId);
        }

        @Override
        public int hashCode() {
            return Objects.hash(taskId, orgId);
        }
    }
}

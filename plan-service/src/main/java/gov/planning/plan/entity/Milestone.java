package gov.planning.plan.entity;

import java.time.LocalDate;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A dated expected outcome inside a task (预期成果和时间进度). */
@Entity
@Table(name = "milestone")
public class Milestone {

    @Id
    public UUID id;

    @Column(name = "task_id")
    public UUID taskId;

    @Column(name = "due_date")
    public LocalDate dueDate;

    public String description;

    public boolean done;

    public int position;
}

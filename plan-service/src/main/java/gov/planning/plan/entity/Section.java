package gov.planning.plan.entity;

import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** An outline node (章 / 节 / 一、/ (一) / 1.). Plain id columns, no JPA associations: reads are batched by id. */
@Entity
@Table(name = "section")
public class Section {

    @Id
    public UUID id;

    @Column(name = "plan_id")
    public UUID planId;

    @Column(name = "parent_id")
    public UUID parentId;

    public String number;

    public String heading;

    public int level;

    public int position;
}

package gov.planning.org.entity;

import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * Who belongs to a collective: every organization below {@code underId} (any depth) of {@code memberKind} and, when
 * set, {@code memberLevel}. Members are derived on each read, so the set follows the tree as it changes.
 */
@Entity
@Table(name = "collective_rule")
public class CollectiveRule {

    @Id
    @Column(name = "collective_id")
    public UUID collectiveId;

    @Column(name = "under_id")
    public UUID underId;

    @Enumerated(EnumType.STRING)
    @Column(name = "member_kind")
    public OrgKind memberKind;

    @Enumerated(EnumType.STRING)
    @Column(name = "member_level")
    public AdminLevel memberLevel;
}

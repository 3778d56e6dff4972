package gov.planning.org.entity;

import java.time.LocalDate;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import gov.planning.common.persistence.VersionedEntity;

@Entity
@Table(name = "organization")
public class Organization extends VersionedEntity {

    /** Stable lower-case code such as {@code nmg.zrzyt}; what tokens and other services refer to. */
    public String code;

    /** Official full name. */
    public String name;

    @Column(name = "short_name")
    public String shortName;

    /** Short forms and historical names documents use (住建厅, 国土厅); matched by search and name resolution. */
    @JdbcTypeCode(SqlTypes.ARRAY)
    public String[] aliases = new String[0];

    /** Governments only: the region governed (土默特左旗), which documents use in place of the government's name. */
    public String region;

    @Enumerated(EnumType.STRING)
    public OrgKind kind;

    @Enumerated(EnumType.STRING)
    public AdminLevel level;

    @Column(name = "parent_id")
    public UUID parentId;

    @Column(name = "valid_from")
    public LocalDate validFrom;

    @Column(name = "valid_to")
    public LocalDate validTo;

    /** The body that took over when this one was merged or renamed in a reform; this record stays for history. */
    @Column(name = "successor_id")
    public UUID successorId;
}

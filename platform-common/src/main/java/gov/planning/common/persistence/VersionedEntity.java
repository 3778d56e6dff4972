package gov.planning.common.persistence;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Id;
import jakarta.persistence.MappedSuperclass;
import jakarta.persistence.PrePersist;
import jakarta.persistence.PreUpdate;
import jakarta.persistence.Version;

/**
 * What every record the platform edits carries: a UUID id other services refer to it by, the optimistic
 * {@code version} that turns a lost update into a CONFLICT, and when it was created and last changed. The tables
 * have the columns {@code id}, {@code version}, {@code created_at} and {@code updated_at}.
 */
@MappedSuperclass
public abstract class VersionedEntity {

    @Id
    public UUID id;

    @Version
    public int version;

    @Column(name = "created_at")
    public Instant createdAt;

    @Column(name = "updated_at")
    public Instant updatedAt;

    @PrePersist
    void onCreate() {
        if (id == null) {
            id = UUID.randomUUID();
        }
        createdAt = Instant.now();
        updatedAt = createdAt;
    }

    @PreUpdate
    void onUpdate() {
        updatedAt = Instant.now();
    }
}

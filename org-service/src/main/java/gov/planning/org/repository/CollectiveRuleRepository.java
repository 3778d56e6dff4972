package gov.planning.org.repository;

import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import gov.planning.org.entity.CollectiveRule;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;

/** Collectives' member rules, keyed by the collective's id (docs/decisions/0012). */
@ApplicationScoped
public class CollectiveRuleRepository implements PanacheRepositoryBase<CollectiveRule, UUID> {
}

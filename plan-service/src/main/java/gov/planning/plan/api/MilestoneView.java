package gov.planning.plan.api;

import java.time.LocalDate;
import java.util.UUID;

import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Name;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Type;

import gov.planning.plan.entity.Milestone;

@Type("Milestone")
@Name("Milestone")
public record MilestoneView(@Id @NonNull UUID id, LocalDate dueDate, @NonNull String description, @NonNull Boolean done) {

    static MilestoneView of(Milestone m) {
        return new MilestoneView(m.id, m.dueDate, m.description, m.done);
    }
}

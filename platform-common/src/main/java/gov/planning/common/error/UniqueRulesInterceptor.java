package gov.planning.common.error;

import jakarta.annotation.Priority;
import jakarta.interceptor.AroundInvoke;
import jakarta.interceptor.Interceptor;
import jakarta.interceptor.InvocationContext;

import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;

/**
 * Applies {@link UniqueRules} to every {@code @WithTransaction} write of every service, so no call site has to
 * remember it. Its priority places it outside Panache's own transaction interceptor (priority 200): the
 * {@code Uni} it wraps includes the flush and the commit, where the database refuses a duplicate.
 */
@WithTransaction
@Interceptor
@Priority(Interceptor.Priority.PLATFORM_BEFORE + 100)
public class UniqueRulesInterceptor {

    @AroundInvoke
    Object mapUniqueViolations(InvocationContext context) throws Exception {
        Object result = context.proceed();
        if (result instanceof Uni<?> uni) {
            return uni.onFailure().transform(UniqueRules::toConflict);
        }
        return result;
    }
}

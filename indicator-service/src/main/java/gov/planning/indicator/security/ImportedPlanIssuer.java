package gov.planning.indicator.security;

import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.jboss.logging.Logger;

import gov.planning.common.error.ForbiddenException;
import io.quarkus.arc.Arc;
import io.quarkus.oidc.AccessTokenCredential;
import io.quarkus.oidc.TenantIdentityProvider;
import io.quarkus.vertx.http.runtime.CurrentVertxRequest;
import io.smallrye.mutiny.Uni;
import io.vertx.ext.web.RoutingContext;

/**
 * The issuer plan-service's import states for the plan it is writing (decision 0007). The plan stays hidden until the
 * import finishes, so plan-service does not show it; the import's writes name the plan and its issuer in
 * {@value #PLAN_ISSUER_HEADER}, vouched for by plan-service's own access token (its service identity, signed by
 * Keycloak) in {@value #SERVICE_TOKEN_HEADER}. The caller (the importing user, in {@code Authorization}) is then
 * checked against that issuer like any other write. A statement without a valid service token is refused: a user
 * cannot name a plan's issuer.
 */
@ApplicationScoped
public class ImportedPlanIssuer {

    private static final Logger LOG = Logger.getLogger(ImportedPlanIssuer.class);

    /**
     * The one answer to a refused statement, whatever was wrong with it: why a token failed verification is for the
     * log, not for the client.
     */
    public static final String REFUSED = "只有规划服务的导入才能声明规划的印发单位 (a plan's issuer is stated only by plan-service's "
            + "import, with its service identity)";

    /** As indicator-client's {@code IndicatorOperations} ({@code IndicatorClientContractTest} compares them). */
    public static final String PLAN_ISSUER_HEADER = "Planning-Plan-Issuer";
    public static final String SERVICE_TOKEN_HEADER = "Planning-Service-Token";

    @Inject
    CurrentVertxRequest request;

    @Inject
    TenantIdentityProvider identities;

    /** The Keycloak client whose service account is plan-service's identity ({@code azp} of its tokens). */
    @ConfigProperty(name = "planning.service-identity.client-id")
    String serviceClient;

    /**
     * The issuer this request states for {@code planId}, once plan-service's token is verified; null when the request
     * states none for this plan (any write outside an import).
     */
    public Uni<UUID> issuerOf(UUID planId) {
        RoutingContext http = Arc.container().requestContext().isActive() ? request.getCurrent() : null;
        String stated = http == null ? null : http.request().getHeader(PLAN_ISSUER_HEADER);
        if (stated == null) {
            return Uni.createFrom().nullItem();
        }
        String[] ids = stated.strip().split(" +");
        UUID plan = ids.length == 2 ? parse(ids[0]) : null;
        UUID issuer = ids.length == 2 ? parse(ids[1]) : null;
        if (plan == null || issuer == null) {
            return Uni.createFrom().failure(refused(PLAN_ISSUER_HEADER + " is not \"<planId> <issuerId>\""));
        }
        if (!plan.equals(planId)) {
            return Uni.createFrom().nullItem();
        }
        String token = http.request().getHeader(SERVICE_TOKEN_HEADER);
        if (token == null) {
            return Uni.createFrom().failure(refused("it comes without " + SERVICE_TOKEN_HEADER));
        }
        return identities.authenticate(new AccessTokenCredential(token))
                .onFailure().transform(e -> refused(SERVICE_TOKEN_HEADER + " is not a valid token (" + e.getMessage() + ")"))
                .map(identity -> {
                    Object client = identity.getPrincipal() instanceof JsonWebToken jwt ? jwt.getClaim("azp") : null;
                    if (!serviceClient.equals(client == null ? null : client.toString())) {
                        throw refused(SERVICE_TOKEN_HEADER + " is not " + serviceClient + "'s");
                    }
                    return issuer;
                });
    }

    private static UUID parse(String id) {
        try {
            return UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static ForbiddenException refused(String why) {
        LOG.warnf("refused a statement of a plan's issuer: %s", why);
        return new ForbiddenException(REFUSED);
    }
}

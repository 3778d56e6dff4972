package gov.planning.plan.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import gov.planning.common.error.UnavailableException;
import gov.planning.common.remote.ServiceGraphQL;
import gov.planning.orgclient.OrgServiceClient;
import gov.planning.orgclient.TestOrgServiceConfig;
import io.quarkus.oidc.client.OidcClient;
import io.quarkus.oidc.client.Tokens;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.core.http.HttpServer;

/**
 * The reminders' view of organization members against a stand-in for org-service: it asks as the service identity
 * (no user request is running when the scan sends), reads members with their roles and addresses, and an error answer
 * is UNAVAILABLE rather than "nobody to remind".
 */
class GraphQLOrgMembersTest {

    static final UUID ZJT = UUID.randomUUID();

    Vertx vertx;
    HttpServer server;
    GraphQLOrgMembers members;
    final List<String> authorizations = new CopyOnWriteArrayList<>();
    final List<String> bodies = new CopyOnWriteArrayList<>();
    volatile String answer;

    @BeforeEach
    void orgService() {
        vertx = Vertx.vertx();
        server = vertx.createHttpServer().requestHandler(request -> request.body().subscribe().with(body -> {
            authorizations.add(request.getHeader("Authorization"));
            bodies.add(body.toString());
            request.response().putHeader("Content-Type", "application/json").endAndForget(answer);
        })).listen(0).await().atMost(Duration.ofSeconds(10));
        members = new GraphQLOrgMembers();
        members.orgService = new OrgServiceClient(new ServiceGraphQL(vertx),
                new TestOrgServiceConfig("http://localhost:" + server.actualPort() + "/graphql"));
        members.oidc = serviceIdentity("service-token");
    }

    @AfterEach
    void stop() {
        server.closeAndAwait();
        vertx.closeAndAwait();
    }

    @Test
    void membersAreAskedAsTheServiceIdentityAndReadWithTheirRolesAndAddresses() {
        answer = "{\"data\":{\"organizationMembers\":[{\"id\":\"" + ZJT + "\",\"code\":\"nmg.zjt\",\"name\":\"住建厅\",\"members\":["
                + "{\"username\":\"reporter.nmg.zjt\",\"email\":\"r@example.gov.cn\",\"roles\":[\"reporter\"]},"
                + "{\"username\":\"planner.nmg.zjt\",\"email\":null,\"roles\":[\"planner\",\"viewer\"]}]}]}}";

        Map<UUID, OrgMembers.Contacts> found = members.of(List.of(ZJT), Set.of("reporter")).await().atMost(Duration.ofSeconds(10));

        assertThat(authorizations).containsExactly("Bearer service-token");
        assertThat(bodies.get(0)).contains("organizationMembers").contains(ZJT.toString()).contains("\"reporter\"");
        OrgMembers.Contacts zjt = found.get(ZJT);
        assertThat(zjt.code()).isEqualTo("nmg.zjt");
        assertThat(zjt.withRole("reporter")).extracting(OrgMembers.Member::email).containsExactly("r@example.gov.cn");
        assertThat(zjt.withRole("planner")).extracting(OrgMembers.Member::username).containsExactly("planner.nmg.zjt");
        assertThat(zjt.withRole("planner").get(0).email()).isNull();
    }

    @Test
    void anErrorAnswerIsUnavailableNotAnEmptyOrganization() {
        answer = "{\"errors\":[{\"message\":\"forbidden\",\"extensions\":{\"code\":\"FORBIDDEN\"}}],\"data\":null}";

        assertThatThrownBy(() -> members.of(List.of(ZJT), Set.of("reporter")).await().atMost(Duration.ofSeconds(10)))
                .isInstanceOf(UnavailableException.class).hasMessageContaining("organization members");
    }

    @Test
    void aProvincesScanAsksItsOrganizationsTenAtATimeOneRequestAfterTheOtherAndHearsFromEveryOne() {
        server.closeAndAwait();
        java.util.concurrent.atomic.AtomicInteger inFlight = new java.util.concurrent.atomic.AtomicInteger();
        java.util.concurrent.atomic.AtomicInteger mostInFlight = new java.util.concurrent.atomic.AtomicInteger();
        List<Integer> asked = new CopyOnWriteArrayList<>();
        server = vertx.createHttpServer().requestHandler(request -> request.body().subscribe().with(body -> {
            mostInFlight.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
            jakarta.json.JsonArray ids = jakarta.json.Json.createReader(new java.io.StringReader(body.toString())).readObject()
                    .getJsonObject("variables").getJsonArray("ids");
            asked.add(ids.size());
            StringBuilder orgs = new StringBuilder();
            for (int i = 0; i < ids.size(); i++) {
                orgs.append(i == 0 ? "" : ",").append("{\"id\":\"").append(ids.getString(i)).append("\",\"code\":\"c").append(i)
                        .append("\",\"name\":\"单位\",\"members\":[{\"username\":\"u").append(ids.getString(i))
                        .append("\",\"email\":null,\"roles\":[\"reporter\"]}]}");
            }
            // Answered a moment later, so that a second request sent meanwhile would be seen in flight.
            vertx.setTimer(30, t -> {
                inFlight.decrementAndGet();
                request.response().putHeader("Content-Type", "application/json")
                        .endAndForget("{\"data\":{\"organizationMembers\":[" + orgs + "]}}");
            });
        })).listen(0).await().atMost(Duration.ofSeconds(10));
        members.orgService = new OrgServiceClient(new ServiceGraphQL(vertx),
                new TestOrgServiceConfig("http://localhost:" + server.actualPort() + "/graphql"));
        List<UUID> organizations = new java.util.ArrayList<>();
        for (int i = 0; i < 25; i++) {
            organizations.add(UUID.randomUUID());
        }

        Map<UUID, OrgMembers.Contacts> found = members.of(organizations, Set.of("reporter")).await().atMost(Duration.ofSeconds(10));

        assertThat(asked).containsExactly(10, 10, 5);
        assertThat(mostInFlight.get()).isEqualTo(1);
        assertThat(found.keySet()).containsExactlyInAnyOrderElementsOf(organizations);
        assertThat(found.get(organizations.get(24)).withRole("reporter")).extracting(OrgMembers.Member::username)
                .containsExactly("u" + organizations.get(24));
    }

    @Test
    void noOrganizationsAsksNothing() {
        assertThat(members.of(List.of(), Set.of("reporter")).await().atMost(Duration.ofSeconds(10))).isEmpty();
        assertThat(bodies).isEmpty();
    }

    private static OidcClient serviceIdentity(String accessToken) {
        return new OidcClient() {
            @Override
            public Uni<Tokens> getTokens(Map<String, String> additionalGrantParameters) {
                return Uni.createFrom().item(new Tokens(accessToken, null, null, null, null, null, "planning-services"));
            }

            @Override
            public Uni<Tokens> refreshTokens(String refreshToken, Map<String, String> additionalGrantParameters) {
                return getTokens(Map.of());
            }

            @Override
            public Uni<Boolean> revokeAccessToken(String accessToken, Map<String, String> additionalParameters) {
                return Uni.createFrom().item(true);
            }

            @Override
            public void close() {
            }
        };
    }
}

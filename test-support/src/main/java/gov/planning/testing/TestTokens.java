package gov.planning.testing;

import java.util.List;
import java.util.Map;

import io.smallrye.jwt.build.Jwt;

/**
 * Signed access tokens shaped like the {@code planning} realm's: realm roles under {@code realm_access.roles},
 * the user's organization codes in {@code org_codes}. They are signed with the key that
 * {@code OidcWiremockTestResource} publishes, so a service under test verifies them exactly as it verifies
 * Keycloak's.
 */
public final class TestTokens {

    public static final String ISSUER = "https://server.example.com";

    private TestTokens() {
    }

    public static String token(String username, List<String> roles, List<String> orgCodes) {
        return Jwt.preferredUserName(username)
                .subject(username)
                .issuer(ISSUER)
                .audience("account")
                .claim("realm_access", Map.of("roles", roles))
                .claim("org_codes", orgCodes)
                .sign();
    }

    public static String admin() {
        return token("admin", List.of("admin"), List.of("nmg"));
    }

    public static String planner(String orgCode) {
        return token("planner." + orgCode, List.of("planner"), List.of(orgCode));
    }

    public static String reporter(String orgCode) {
        return token("reporter." + orgCode, List.of("reporter"), List.of(orgCode));
    }

    public static String viewer() {
        return token("viewer", List.of("viewer"), List.of("nmg"));
    }
}

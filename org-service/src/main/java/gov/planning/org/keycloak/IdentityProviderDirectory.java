package gov.planning.org.keycloak;

import java.util.List;
import java.util.Map;

/** The realm's identity providers (brokered logins) and their mappers: Keycloak in production, maps in tests. */
public interface IdentityProviderDirectory {

    /** An identity provider mapper: {@code type} is Keycloak's mapper id, {@code config} its settings. */
    record Mapper(String id, String name, String type, Map<String, String> config) {
    }

    /** Alias to provider type ({@code oidc}, {@code keycloak-oidc}, {@code saml}, …) of every identity provider. */
    Map<String, String> identityProviders();

    List<Mapper> mappers(String alias);

    void createMapper(String alias, Mapper mapper);

    void updateMapper(String alias, Mapper mapper);

    void deleteMapper(String alias, String id);
}

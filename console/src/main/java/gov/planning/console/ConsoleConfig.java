package gov.planning.console;

import io.smallrye.config.ConfigMapping;

/**
 * Where the browser finds the API and the login, read at run time so that one build serves dev, test and every
 * deployment (in Kubernetes the gateway is on the same host, so {@code graphql-url} is just {@code /graphql}).
 */
@ConfigMapping(prefix = "console")
public interface ConsoleConfig {

    /** The gateway's GraphQL endpoint as the browser reaches it. */
    String graphqlUrl();

    /** The OpenID Connect issuer of the {@code planning} realm as the browser reaches it. */
    String oidcIssuer();

    /** The public client the console logs in with. */
    String oidcClientId();
}

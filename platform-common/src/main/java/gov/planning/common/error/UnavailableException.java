package gov.planning.common.error;

import io.smallrye.graphql.api.ErrorCode;

/** Something the service depends on (Keycloak, another service) could not be reached or is not configured. */
@ErrorCode(UnavailableException.CODE)
public class UnavailableException extends PlatformException {

    public static final String CODE = "UNAVAILABLE";

    public UnavailableException(String message) {
        super(message);
    }

    @Override
    public String code() {
        return CODE;
    }
}

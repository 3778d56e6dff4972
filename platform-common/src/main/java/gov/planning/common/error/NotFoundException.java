package gov.planning.common.error;

import io.smallrye.graphql.api.ErrorCode;

/** A record the request names does not exist. Nothing was written. */
@ErrorCode(NotFoundException.CODE)
public class NotFoundException extends PlatformException {

    public static final String CODE = "NOT_FOUND";

    public NotFoundException(String message) {
        super(message);
    }

    @Override
    public String code() {
        return CODE;
    }
}

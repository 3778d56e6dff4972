package gov.planning.common.error;

import io.smallrye.graphql.api.ErrorCode;

/** The caller's roles or organizations do not allow this write. Nothing was written. */
@ErrorCode(ForbiddenException.CODE)
public class ForbiddenException extends PlatformException {

    public static final String CODE = "FORBIDDEN";

    public ForbiddenException(String message) {
        super(message);
    }

    @Override
    public String code() {
        return CODE;
    }
}

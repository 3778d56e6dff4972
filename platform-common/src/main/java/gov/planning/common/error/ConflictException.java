package gov.planning.common.error;

import io.smallrye.graphql.api.ErrorCode;

/** The record changed since the caller read it (stale version) or would duplicate an existing one. Nothing was written. */
@ErrorCode(ConflictException.CODE)
public class ConflictException extends PlatformException {

    public static final String CODE = "CONFLICT";

    public ConflictException(String message) {
        super(message);
    }

    @Override
    public String code() {
        return CODE;
    }
}

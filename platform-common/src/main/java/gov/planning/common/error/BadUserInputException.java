package gov.planning.common.error;

import io.smallrye.graphql.api.ErrorCode;

/** The request's input breaks a rule; the message names the field and the rule. Nothing was written. */
@ErrorCode(BadUserInputException.CODE)
public class BadUserInputException extends PlatformException {

    public static final String CODE = "BAD_USER_INPUT";

    public BadUserInputException(String message) {
        super(message);
    }

    @Override
    public String code() {
        return CODE;
    }
}

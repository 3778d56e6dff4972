package gov.planning.plan.importing;

/**
 * Who started an import, read once while their request is alive: an import may outlive that request (the gateway stops
 * waiting after {@code planning.mutation-timeout}, the client or the Ingress may give up sooner), and afterwards neither the request-scoped {@code Caller} nor the token behind it can be read.
 *
 * @param username the author written into the plan, its tasks and the audit log
 * @param bearer   the caller's token, for the calls made in their name (indicator-service, org-service's writes)
 */
public record ImportActor(String username, String bearer) {

    @Override
    public String toString() {
        return "ImportActor[" + username + "]";
    }
}

package gov.planning.orgclient;

import java.util.ArrayList;
import java.util.List;

/**
 * Every GraphQL operation sent to org-service, in one place. org-service's build validates {@link #all()} against the
 * schema it serves ({@code OrgClientContractTest}), so a renamed field a client uses fails there, not in production.
 * Plain Java on purpose: org-service's tests load this class without the client's dependencies.
 * <p>
 * The look-ups are built per request because org-service answers one organization per {@code organization(code:)}:
 * many codes are many aliases ({@code o0}, {@code o1}, …) of one request; ids go in {@code organizations(ids:)} lists
 * of {@value #IDS_PER_LIST} (org-service reads each list, and each nesting level below it, in one statement). A subtree
 * is asked as {@code descendantIds} (a province's 20,000 ids, not 20,000 organization objects) and successors as
 * {@code currentSuccessors} (one list answering only the replaced ones, not a nested successor chain per id), predecessors of many ids likewise as
 * {@code predecessors(ids:)}.
 */
public final class OrgOperations {

    private OrgOperations() {
    }

    /** How many reforms back predecessors are followed: one nesting level each (two reforms since 2018 are rare). */
    public static final int REFORMS = 4;

    /** org-service's most ids (and page size) of one organizations list. */
    public static final int IDS_PER_LIST = 500;

    static final String PREDECESSORS = "predecessors { id ".repeat(REFORMS) + "}".repeat(REFORMS);

    /** org-service's most ids of one {@code currentSuccessors} or {@code predecessors} list. */
    public static final int SUCCESSOR_IDS_PER_LIST = 50_000;

    /** The organization, everything below it and the bodies it took over from (a caller's scope). */
    public static final String SCOPE = "id descendantIds " + PREDECESSORS;
    /** The organization and everything below it. */
    public static final String SUBTREE = "id descendantIds";
    /** The tree's version: unchanged since it was read before a scope, that scope is still current. */
    public static final String TREE_VERSION = "{ organizationTreeVersion }";
    /** Display names. */
    public static final String NAMES = "id name shortName";

    // Collectives are few (a province has tens); one page of the most a page holds is all of them. org-service has no
    // "collectives of a member" query, so membership is computed by the client.
    static final String COLLECTIVES = "cs: organizations(kind: COLLECTIVE, first: 500) { edges { node { id members { id } } } }";

    /** The nearest government above an organization (or itself): its kind and ancestors, root first. */
    public static final String KIND_AND_ANCESTORS = "query($i: ID) { organization(id: $i) { id kind ancestors { id kind } } }";

    private static final String ORG_FIELDS = "id code name kind level region children { code }";

    /** The import: an issuer with its ancestors (root first), to find its government and the codes already below it. */
    public static final String ISSUER_WITH_ANCESTORS = "query($code: String) { organization(code: $code) { " + ORG_FIELDS
            + " ancestors { " + ORG_FIELDS + " } } }";

    /** The import: an organization an admin accepted (admins only, in org-service too). */
    public static final String CREATE_ORGANIZATION = "mutation($input: OrganizationInput!) { createOrganization(input: $input) { id } }";

    /** Reminders: members of the organizations' Keycloak groups with any of the roles (the service identity only). */
    public static final String ORGANIZATION_MEMBERS = """
            query($ids: [String!]!, $roles: [String!]!) {
              organizationMembers(ids: $ids, roles: $roles) { id code name members { username email roles } }
            }""";

    /**
     * The import: each of a document's name lists ({@code $n<i>}, for the i-th list in {@code lists}) one alias
     * {@code r<i>} of {@code resolveOrganizationNames}, so a prefix carries over only within its list, in one request.
     */
    public static String resolveNames(List<Integer> lists) {
        StringBuilder query = new StringBuilder("query($ctx: String, $asOf: Date");
        StringBuilder body = new StringBuilder();
        for (int i : lists) {
            query.append(", $n").append(i).append(": [String!]!");
            body.append(" r").append(i).append(": resolveOrganizationNames(names: $n").append(i)
                    .append(", contextCode: $ctx, asOf: $asOf) { input organization { id code } candidates { id } }");
        }
        return query.append(") {").append(body).append(" }").toString();
    }

    /**
     * {@code query($c0: String, …) { o0: organization(code: $c0) { selection } … }} (by id: {@code $i0: ID}): the answer
     * for the i-th key under {@code o<i>}; with {@code collectives}, every collective and its members under {@code cs}.
     */
    public static String byKeys(String argument, String type, int keys, String selection, boolean collectives) {
        String variable = argument.substring(0, 1);
        StringBuilder query = new StringBuilder("query");
        StringBuilder body = new StringBuilder();
        for (int i = 0; i < keys; i++) {
            query.append(i == 0 ? "(" : ", ").append('$').append(variable).append(i).append(": ").append(type);
            body.append(" o").append(i).append(": organization(").append(argument).append(": $").append(variable).append(i)
                    .append(") { ").append(selection).append(" }");
        }
        return query.append(keys == 0 ? "" : ")").append(" {").append(body).append(collectives ? " " + COLLECTIVES : "")
                .append(" }").toString();
    }

    /**
     * {@code query($l0: [String!], …) { l0: organizations(ids: $l0, includeReplaced: true, first: 500) { edges { node {
     * selection } } } … }}, one list per {@value #IDS_PER_LIST} ids (replaced organizations too).
     */
    public static String byIdLists(int lists, String selection, boolean collectives) {
        StringBuilder query = new StringBuilder("query");
        StringBuilder body = new StringBuilder();
        for (int l = 0; l < lists; l++) {
            query.append(l == 0 ? "(" : ", ").append("$l").append(l).append(": [String!]");
            body.append(" l").append(l).append(": organizations(ids: $l").append(l).append(", includeReplaced: true, first: ")
                    .append(IDS_PER_LIST).append(") { edges { node { ").append(selection).append(" } } }");
        }
        return query.append(lists == 0 ? "" : ")").append(" {").append(body).append(collectives ? " " + COLLECTIVES : "")
                .append(" }").toString();
    }

    /**
     * {@code query($l0: [String!]!, …) { l0: currentSuccessors(ids: $l0) { id successorId } … }}, one list per
     * {@value #SUCCESSOR_IDS_PER_LIST} ids: for each id a reform replaced, the body that carries its responsibilities
     * today (ids nobody replaced are not in the answer, so it is as long as the replaced ones, not the ids).
     */
    public static String currentSuccessors(int lists) {
        StringBuilder query = new StringBuilder("query");
        StringBuilder body = new StringBuilder();
        for (int l = 0; l < lists; l++) {
            query.append(l == 0 ? "(" : ", ").append("$l").append(l).append(": [String!]!");
            body.append(" l").append(l).append(": currentSuccessors(ids: $l").append(l).append(") { id successorId }");
        }
        return query.append(lists == 0 ? "" : ")").append(" {").append(body).append(" }").toString();
    }

    /**
     * {@code query($l0: [String!]!, …) { l0: predecessors(ids: $l0) { id predecessorId } … }}, one list per
     * {@value #SUCCESSOR_IDS_PER_LIST} ids: for each id that took over from other bodies, every one of them, any number of
     * reforms back (ids without predecessors are not in the answer); with {@code collectives}, every collective and its
     * members under {@code cs}.
     */
    public static String predecessors(int lists, boolean collectives) {
        StringBuilder query = new StringBuilder("query");
        StringBuilder body = new StringBuilder();
        for (int l = 0; l < lists; l++) {
            query.append(l == 0 ? "(" : ", ").append("$l").append(l).append(": [String!]!");
            body.append(" l").append(l).append(": predecessors(ids: $l").append(l).append(") { id predecessorId }");
        }
        return query.append(lists == 0 ? "" : ")").append(" {").append(body).append(collectives ? " " + COLLECTIVES : "")
                .append(" }").toString();
    }

    /** Every operation the client sends, each shape once (two keys or lists stand for any number). */
    public static List<String> all() {
        List<String> all = new ArrayList<>();
        for (boolean collectives : new boolean[] { false, true }) {
            all.add(byKeys("code", "String", 2, SCOPE, collectives));
            all.add(predecessors(2, collectives));
        }
        all.add(byKeys("id", "ID", 2, SUBTREE, false));
        all.add(byIdLists(2, NAMES, false));
        all.add(currentSuccessors(2));
        all.add(TREE_VERSION);
        all.add(KIND_AND_ANCESTORS);
        all.add(ISSUER_WITH_ANCESTORS);
        all.add(CREATE_ORGANIZATION);
        all.add(ORGANIZATION_MEMBERS);
        all.add(resolveNames(List.of(0, 2)));
        return List.copyOf(all);
    }
}

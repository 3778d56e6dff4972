package gov.planning.org;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

import jakarta.inject.Singleton;

import gov.planning.org.keycloak.KeycloakAdminClient;
import gov.planning.org.staff.StaffDirectory;

/**
 * Keycloak's users in place of Keycloak, with every write recorded so a test can prove that a refused request wrote
 * nothing. {@link #reset} puts back: zjt.reporter (reporter) and zjt.chief (org-admin) in nmg.zjt, zrzyt.reporter
 * (reporter) in nmg.zrzyt, admin (admin) in nmg, and the accounts in no group (待分配): drifter (no role, no claim),
 * gov.zjt.zhou (reporter; the identity provider said 内蒙古自治区住房和城乡建设厅) and gov.zrzyt.wu (reporter; it said nmg.zrzyt).
 */
@Singleton
public class FakeStaff implements StaffDirectory {

    private final Map<String, Account> users = new LinkedHashMap<>();
    private final Map<String, String[]> claims = new LinkedHashMap<>();
    public final List<String> writes = new ArrayList<>();
    public final Set<String> loggedOut = new TreeSet<>();
    /** Reads of every user of the realm ({@link #pending()}) and the accounts asked about one by one. */
    public int fullScans;
    public final List<String> askedAboutWaiting = new ArrayList<>();

    public FakeStaff() {
        reset();
    }

    public synchronized void reset() {
        users.clear();
        writes.clear();
        loggedOut.clear();
        fullScans = 0;
        askedAboutWaiting.clear();
        put(account("zjt.reporter", Set.of("reporter"), Set.of("nmg.zjt")));
        put(account("zjt.chief", Set.of("org-admin"), Set.of("nmg.zjt")));
        put(account("zrzyt.reporter", Set.of("reporter"), Set.of("nmg.zrzyt")));
        put(account("admin", Set.of("admin"), Set.of("nmg")));
        put(account("drifter", Set.of(), Set.of()));
        claims.clear();
        put(account("gov.zjt.zhou", Set.of("reporter"), Set.of()));
        claims.put("gov.zjt.zhou", new String[] { null, "内蒙古自治区住房和城乡建设厅" });
        put(account("gov.zrzyt.wu", Set.of("reporter"), Set.of()));
        claims.put("gov.zrzyt.wu", new String[] { "nmg.zrzyt", null });
    }

    private static Account account(String username, Set<String> roles, Set<String> orgCodes) {
        return new Account("id-" + username, username, "名", "姓", username + "@planning.local", true, new TreeSet<>(roles),
                new TreeSet<>(orgCodes));
    }

    /** A snapshot, as Keycloak's answers are: later writes must not change what a caller already read. */
    private static Account copy(Account a) {
        return new Account(a.id(), a.username(), a.firstName(), a.lastName(), a.email(), a.enabled(), new TreeSet<>(a.roles()),
                new TreeSet<>(a.orgCodes()));
    }

    private void put(Account account) {
        users.put(account.id(), account);
    }

    private Account byId(String id) {
        return users.get(id);
    }

    @Override
    public synchronized List<Account> members(String orgCode) {
        return users.values().stream().filter(a -> a.orgCodes().contains(orgCode)).map(FakeStaff::copy).toList();
    }

    @Override
    public synchronized Optional<Account> find(String username) {
        return users.values().stream().filter(a -> a.username().equals(username)).findFirst().map(FakeStaff::copy);
    }

    @Override
    public synchronized List<Pending> pending() {
        fullScans++;
        return users.values().stream().filter(a -> a.orgCodes().isEmpty()).map(this::pending).toList();
    }

    @Override
    public synchronized Optional<Pending> waiting(String userId) {
        askedAboutWaiting.add(userId);
        return Optional.ofNullable(byId(userId)).filter(a -> a.orgCodes().isEmpty()).map(this::pending);
    }

    private Pending pending(Account a) {
        String[] claim = claims.getOrDefault(a.username(), new String[2]);
        return new Pending(copy(a), claim[0], claim[1]);
    }

    /** Staff in an organization, as many as a test needs to show what grows with the realm's users. */
    public synchronized void addColleagues(int count, String orgCode) {
        for (int i = 0; i < count; i++) {
            put(account("colleague." + i, Set.of("reporter"), Set.of(orgCode)));
        }
    }

    /** A change made in Keycloak directly (its admin console), behind org-service's back. */
    public synchronized void joinDirectly(String username, String orgCode) {
        users.values().stream().filter(a -> a.username().equals(username)).findFirst().orElseThrow().orgCodes().add(orgCode);
    }

    @Override
    public synchronized String create(NewAccount n) {
        if (n.email() != null && users.values().stream().anyMatch(a -> n.email().equals(a.email()))) {
            // What Keycloak answers (duplicateEmailsAllowed is false in the realm).
            throw new KeycloakAdminClient.KeycloakUnavailableException("POST /users answered 409: {\"errorMessage\":\"User exists with same email\"}");
        }
        writes.add("create " + n.username());
        Account a = new Account("id-" + n.username(), n.username(), n.firstName(), n.lastName(), n.email(), true,
                new TreeSet<>(), new TreeSet<>());
        put(a);
        return a.id();
    }

    @Override
    public synchronized void join(String userId, String orgCode) {
        writes.add("join " + userId + " " + orgCode);
        byId(userId).orgCodes().add(orgCode);
    }

    @Override
    public synchronized void leave(String userId, String orgCode) {
        writes.add("leave " + userId + " " + orgCode);
        byId(userId).orgCodes().remove(orgCode);
    }

    @Override
    public synchronized void grant(String userId, Set<String> roles) {
        writes.add("grant " + userId + " " + new TreeSet<>(roles));
        byId(userId).roles().addAll(roles);
    }

    @Override
    public synchronized void revoke(String userId, Set<String> roles) {
        writes.add("revoke " + userId + " " + new TreeSet<>(roles));
        byId(userId).roles().removeAll(roles);
    }

    @Override
    public synchronized void setEnabled(String userId, boolean enabled) {
        writes.add("enabled " + userId + " " + enabled);
        Account a = byId(userId);
        put(new Account(a.id(), a.username(), a.firstName(), a.lastName(), a.email(), enabled, a.roles(), a.orgCodes()));
    }

    @Override
    public synchronized void endSessions(String userId) {
        writes.add("logout " + userId);
        loggedOut.add(byId(userId).username());
    }
}

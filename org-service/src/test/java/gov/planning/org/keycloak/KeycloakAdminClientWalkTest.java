package gov.planning.org.keycloak;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.sun.net.httpserver.HttpExchange;

import gov.planning.org.keycloak.KeycloakStandIn.Answer;

/**
 * The walk of every group against a stand-in for Keycloak's admin API on a real socket, serving requests on threads of
 * its own and taking a while for each children read, as Keycloak does at a province's scale: nmg with six departments,
 * each with two offices, and gx without children.
 */
class KeycloakAdminClientWalkTest {

    private KeycloakStandIn keycloak;
    private KeycloakAdminClient client;
    private final AtomicInteger reading = new AtomicInteger();
    private final AtomicInteger mostAtOnce = new AtomicInteger();
    private volatile String failing;

    @BeforeEach
    void start() throws IOException {
        keycloak = new KeycloakStandIn(8, this::answer);
        client = keycloak.client;
        client.concurrentReads = 3;
    }

    @AfterEach
    void stop() {
        keycloak.close();
    }

    private static String group(String code, int children) {
        return "{\"id\":\"g-" + code + "\",\"name\":\"" + code + "\",\"subGroupCount\":" + children
                + ",\"attributes\":{\"org_code\":[\"" + code + "\"],\"org_name\":[\"" + code + "\"]}}";
    }

    private static String departments() {
        List<String> groups = new ArrayList<>();
        for (int d = 1; d <= 6; d++) {
            groups.add(group("nmg.d" + d, 2));
        }
        return "[" + String.join(",", groups) + "]";
    }

    private Answer answer(HttpExchange exchange) {
        String path = KeycloakStandIn.adminPath(exchange);
        if (path.equals("/groups")) {
            return Answer.ok("[" + group("nmg", 6) + "," + group("gx", 0) + "]");
        }
        if (!path.endsWith("/children")) {
            return new Answer(404, "{}");
        }
        String parent = path.substring("/groups/g-".length(), path.length() - "/children".length());
        mostAtOnce.accumulateAndGet(reading.incrementAndGet(), Math::max);
        try {
            Thread.sleep(100);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            reading.decrementAndGet();
        }
        if (parent.equals(failing)) {
            return new Answer(503, "{}");
        }
        return Answer.ok(parent.equals("nmg") ? departments() : "[" + group(parent + ".o1", 0) + "," + group(parent + ".o2", 0) + "]");
    }

    @Test
    void everyGroupIsFoundUnderItsParentWithChildrenReadAFewAtATime() {
        List<GroupDirectory.Group> groups = client.groups();

        assertThat(groups).hasSize(2 + 6 + 12);
        Map<String, String> parentOf = groups.stream().filter(g -> g.parentId() != null)
                .collect(Collectors.toMap(GroupDirectory.Group::orgCode, GroupDirectory.Group::parentId));
        assertThat(parentOf).containsEntry("nmg.d1", "g-nmg").containsEntry("nmg.d6.o2", "g-nmg.d6").hasSize(18);
        assertThat(groups).filteredOn(g -> g.parentId() == null).extracting(GroupDirectory.Group::orgCode).containsExactly("nmg", "gx");
        // Parents before their children: the reconciliation creates and moves top down.
        List<String> order = groups.stream().map(GroupDirectory.Group::orgCode).toList();
        assertThat(order.indexOf("nmg.d3")).isLessThan(order.indexOf("nmg.d3.o1"));
        // The six departments' children are read several at once, at most three (concurrentReads).
        assertThat(mostAtOnce.get()).isBetween(2, 3);
        // The walk leaves every organization's group id known: its members cost no search.
        assertThat(client.groupIdOf("nmg.d4.o1")).isEqualTo("g-nmg.d4.o1");
    }

    @Test
    void aChildrenReadKeycloakRefusesFailsTheWalkWithWhatWasAsked() {
        failing = "nmg.d5";

        assertThatThrownBy(client::groups).isInstanceOf(KeycloakAdminClient.KeycloakUnavailableException.class)
                .hasMessageContaining("/groups/g-nmg.d5/children").hasMessageContaining("503");
    }
}

package gov.planning.gateway.composition;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;

import gov.planning.gateway.fakes.FederationFeaturesResource;

/** Reading the supergraph file Apollo's composition wrote for the federation-features fixture. */
class SupergraphSdlReaderTest {

    private static Supergraph read() throws IOException {
        return new SupergraphSdlReader().read(Files.readString(Path.of(FederationFeaturesResource.SUPERGRAPH)));
    }

    @Test
    void subgraphsAndTheirUrlsComeFromTheJoinGraphEnum() throws IOException {
        Supergraph supergraph = read();

        assertThat(supergraph.subgraphs()).containsExactlyInAnyOrder("orgs", "plans", "indicators");
        assertThat(supergraph.urls()).containsEntry("orgs", "http://orgs.invalid/graphql");
    }

    @Test
    void everyResolvableKeyIsKeptPerSubgraphIncludingCompoundNestedOnes() throws IOException {
        Supergraph supergraph = read();

        assertThat(supergraph.keys("orgs", "Organization")).containsExactly("code", "region { code } seq");
        assertThat(supergraph.keys("indicators", "Organization")).containsExactly("region { code } seq");
        assertThat(supergraph.keys("plans", "Organization")).isEmpty();
    }

    @Test
    void externalAndOverriddenFieldsAreNotRoutedToTheSubgraphThatDeclaresThem() throws IOException {
        Supergraph supergraph = read();

        assertThat(supergraph.sources("Plan", "title")).containsOnlyKeys("indicators"); // @override(from: "plans")
        assertThat(supergraph.sources("Organization", "headcount")).containsOnlyKeys("orgs"); // @external in indicators
        assertThat(supergraph.sources("Organization", "targetPerCapita").get("indicators").requires()).isEqualTo("headcount");
        assertThat(supergraph.sources("Plan", "issuer").get("indicators").provides()).isEqualTo("name");
    }

    @Test
    void aFieldAnInterfaceObjectAddsIsEnteredWithTheInterfacesName() throws IOException {
        Supergraph supergraph = read();

        assertThat(supergraph.isInterfaceObject("plans", "Unit")).isTrue();
        assertThat(supergraph.isInterfaceObject("orgs", "Unit")).isFalse();
        assertThat(supergraph.possibleTypes("orgs", "Unit")).containsExactlyInAnyOrder("Organization", "Collective");
        assertThat(supergraph.sources("Collective", "openTasks").get("plans").entityType()).isEqualTo("Unit");
    }

    @Test
    void theApiSchemaHasNeitherInaccessibleMembersNorJoinMachinery() throws IOException {
        Supergraph supergraph = read();

        assertThat(supergraph.apiSchema().getObjectType("Organization").getFieldDefinition("internalNote")).isNull();
        assertThat(supergraph.apiSchema().getObjectType("Organization").getFieldDefinition("targetPerCapita")).isNotNull();
        assertThat(supergraph.apiSchema().getType("join__Graph")).isNull();
        assertThat(supergraph.apiSdl()).doesNotContain("join__", "link__", "@link", "internalNote");
    }

    @Test
    void aSchemaWithoutJoinGraphIsRefusedWithAMessageSayingSo() {
        assertThatThrownBy(() -> new SupergraphSdlReader().read("type Query { a: String }"))
                .isInstanceOf(CompositionException.class).hasMessageContaining("not a supergraph");
        assertThatThrownBy(() -> new SupergraphSdlReader().read("type Query {"))
                .isInstanceOf(CompositionException.class).hasMessageContaining("does not parse");
    }
}

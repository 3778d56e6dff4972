package gov.planning.gateway.composition;

/** One subgraph's schema as its {@code _service { sdl }} answered it. */
public record SubgraphSdl(String name, String sdl) {
}

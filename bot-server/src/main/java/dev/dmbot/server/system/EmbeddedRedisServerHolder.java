package dev.dmbot.server.system;

/**
 * Gives access to the embedded Redis server when one runs (tests stop and start it to
 * prove nothing is lost); {@link #server()} is {@code null} when an external Redis is
 * configured.
 */
public record EmbeddedRedisServerHolder(EmbeddedRedisServer server) implements AutoCloseable {

	@Override
	public void close() {
		if (this.server != null) {
			this.server.close();
		}
	}

}

package dev.dmbot.server.support;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import redis.clients.jedis.RedisClient;

import dev.dmbot.server.system.EmbeddedRedisServer;

/**
 * A real redis-server for the tests of one class that need Redis but not the server:
 * started before the first test, stopped after the last, with one pooled client. Register
 * it as {@code @RegisterExtension static final StandaloneRedis redis = new
 * StandaloneRedis();}.
 */
public final class StandaloneRedis implements BeforeAllCallback, AfterAllCallback {

	private EmbeddedRedisServer server;

	private RedisClient client;

	@Override
	public void beforeAll(ExtensionContext context) {
		this.server = new EmbeddedRedisServer();
		this.client = RedisClient.builder().hostAndPort("127.0.0.1", this.server.port()).build();
	}

	@Override
	public void afterAll(ExtensionContext context) {
		if (this.client != null) {
			this.client.close();
		}
		if (this.server != null) {
			this.server.close();
		}
	}

	/** The client, once the class's tests have started. */
	public RedisClient client() {
		return this.client;
	}

	/** Calls of one command so far, as {@code INFO commandstats} counts them. */
	public long calls(String command) {
		return CommandStats.calls(this.client, command);
	}

}

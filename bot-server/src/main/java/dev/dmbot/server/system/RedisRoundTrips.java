package dev.dmbot.server.system;

import java.util.concurrent.atomic.LongAdder;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.commons.pool2.impl.GenericObjectPoolConfig;
import redis.clients.jedis.CommandArguments;
import redis.clients.jedis.Connection;
import redis.clients.jedis.ConnectionFactory;
import redis.clients.jedis.DefaultJedisSocketFactory;
import redis.clients.jedis.HostAndPort;
import redis.clients.jedis.JedisClientConfig;
import redis.clients.jedis.providers.ConnectionProvider;
import redis.clients.jedis.providers.PooledConnectionProvider;

/**
 * Counts the round trips this server makes to Redis, in {@code bot.redis.round.trips}: a
 * command, a pipeline or a transaction is written and flushed once, and waits for its
 * replies once. It counts the connections it builds, which are those of a single server
 * (embedded or {@code bot.redis.url}); Sentinel and Cluster clients build their own.
 */
public final class RedisRoundTrips {

	private final LongAdder flushes = new LongAdder();

	/** Round trips so far. */
	public long count() {
		return this.flushes.sum();
	}

	void register(MeterRegistry meters) {
		FunctionCounter.builder("bot.redis.round.trips", this, RedisRoundTrips::count)
			.description("Requests flushed to Redis: a command, a pipeline or a transaction each")
			.register(meters);
	}

	/** A pool of connections to one server that count each flush of their output. */
	public ConnectionProvider pool(HostAndPort server, JedisClientConfig config,
			GenericObjectPoolConfig<Connection> pool) {
		Connection.Builder connections = new Connection.Builder() {

			@Override
			protected Connection createConnection() {
				return new CountingConnection(this, RedisRoundTrips.this.flushes);
			}

		};
		connections.socketFactory(new DefaultJedisSocketFactory(server, config)).clientConfig(config);
		return new PooledConnectionProvider(
				new ConnectionFactory(ConnectionFactory.builder().clientConfig(config).connectionBuilder(connections)),
				pool);
	}

	private static final class CountingConnection extends Connection {

		private final LongAdder flushes;

		/** Whether anything was written since the last flush. */
		private boolean written;

		CountingConnection(Connection.Builder builder, LongAdder flushes) {
			super(builder);
			this.flushes = flushes;
		}

		@Override
		public void sendCommand(CommandArguments arguments) {
			this.written = true;
			super.sendCommand(arguments);
		}

		@Override
		protected void flush() {
			// Reading a reply flushes too; only a flush that sends something is a trip.
			if (this.written) {
				this.written = false;
				this.flushes.increment();
			}
			super.flush();
		}

	}

}

package dev.dmbot.server.system;

import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import redis.clients.jedis.HostAndPort;

/**
 * Where the server keeps all of its state: one Redis server ({@code url}), a primary
 * watched by Redis Sentinel ({@code sentinel.*}) or a Redis Cluster ({@code cluster.*});
 * with none of them, an embedded redis-server so a newcomer needs nothing installed.
 *
 * @param url {@code redis://[user:password@]host:port[/db]} or {@code rediss://…}
 * @param poolSize connections per instance (per node on a cluster); every intake
 * partition holds one while it blocks on its stream
 * @param username the ACL user of the data nodes under Sentinel or Cluster (with
 * {@code url}, put it in the URL)
 * @param password their password; never logged
 * @param ssl whether the data nodes under Sentinel or Cluster speak TLS
 * @param sentinel the Sentinel deployment, if any
 * @param cluster the cluster, if any
 * @param dataDir where the embedded redis-server (used when none of the above is set)
 * keeps its append-only file, so that its data outlives a restart; relative paths start
 * from the working directory. Blank: a throw-away directory, removed at stop (the tests'
 * choice)
 */
@ConfigurationProperties("bot.redis")
public record RedisProperties(URI url, @DefaultValue("64") int poolSize, String username, String password,
		@DefaultValue("false") boolean ssl, @DefaultValue Sentinel sentinel, @DefaultValue Cluster cluster,
		@DefaultValue("data") String dataDir) {

	public RedisProperties {
		if (url != null && !"redis".equals(url.getScheme()) && !"rediss".equals(url.getScheme())) {
			throw new IllegalArgumentException(
					"bot.redis.url must start with redis:// or rediss://, but was '" + url.getScheme() + "://...'");
		}
		if (poolSize < 8) {
			throw new IllegalArgumentException("bot.redis.pool-size must be at least 8, but was " + poolSize);
		}
		sentinel = (sentinel != null) ? sentinel : new Sentinel(null, List.of(), null, null, 0);
		cluster = (cluster != null) ? cluster : new Cluster(List.of(), 5);
		int chosen = (url != null ? 1 : 0) + (sentinel.configured() ? 1 : 0) + (cluster.configured() ? 1 : 0);
		if (chosen > 1) {
			throw new IllegalArgumentException("Set only one of bot.redis.url, bot.redis.sentinel.nodes and "
					+ "bot.redis.cluster.nodes, but " + chosen + " are set");
		}
		if (url != null && (username != null || password != null)) {
			throw new IllegalArgumentException(
					"bot.redis.username and bot.redis.password are for Sentinel and Cluster; with bot.redis.url, "
							+ "write them in the URL: redis://user:password@host:port");
		}
	}

	/**
	 * The embedded server's data directory; empty when its data is thrown away at stop.
	 */
	public Optional<Path> embeddedDataDir() {
		return (this.dataDir == null || this.dataDir.isBlank()) ? Optional.empty()
				: Optional.of(Path.of(this.dataDir.strip()));
	}

	public boolean embedded() {
		return this.url == null && !this.sentinel.configured() && !this.cluster.configured();
	}

	@Override
	public String toString() {
		// The password, in the URL or on its own, never reaches a log.
		String where = (this.url != null) ? this.url.getScheme() + "://" + this.url.getHost() + ":" + this.url.getPort()
				: this.sentinel.configured() ? "sentinel " + this.sentinel.master() + " " + this.sentinel.nodes()
						: this.cluster.configured() ? "cluster " + this.cluster.nodes() : "embedded";
		return "RedisProperties[" + where + ", poolSize=" + this.poolSize + "]";
	}

	static List<HostAndPort> hostsAndPorts(String property, List<String> nodes, int defaultPort) {
		List<HostAndPort> parsed = new ArrayList<>();
		for (String node : nodes) {
			String value = node.strip();
			int colon = value.lastIndexOf(':');
			try {
				String host = (colon < 0) ? value : value.substring(0, colon);
				int port = (colon < 0) ? defaultPort : Integer.parseInt(value.substring(colon + 1));
				if (host.isEmpty() || port < 1 || port > 65535) {
					throw new NumberFormatException();
				}
				parsed.add(new HostAndPort(host, port));
			}
			catch (NumberFormatException ex) {
				throw new IllegalArgumentException(
						property + " must be a list of host:port, but one entry was '" + value + "'");
			}
		}
		return parsed;
	}

	/**
	 * Redis Sentinel: the server asks the sentinels which node is the primary of
	 * {@code master} and follows it through fail-overs.
	 *
	 * @param master the name the sentinels monitor ({@code sentinel monitor <name> …})
	 * @param nodes the sentinels, {@code host:port} (26379 when left out)
	 * @param sentinelUsername the sentinels' own ACL user, if they require one
	 * @param sentinelPassword the sentinels' own password, if they require one
	 * @param database the database number on the primary
	 */
	public record Sentinel(String master, @DefaultValue List<String> nodes, String sentinelUsername,
			String sentinelPassword, @DefaultValue("0") int database) {

		public Sentinel {
			nodes = (nodes != null) ? List.copyOf(nodes) : List.of();
			hostsAndPorts("bot.redis.sentinel.nodes", nodes, 26379);
			if (!nodes.isEmpty() && (master == null || master.isBlank())) {
				throw new IllegalArgumentException(
						"bot.redis.sentinel.master is required with bot.redis.sentinel.nodes: "
								+ "the name the sentinels monitor, such as mymaster");
			}
			if (database < 0) {
				throw new IllegalArgumentException(
						"bot.redis.sentinel.database must not be negative, but was " + database);
			}
		}

		boolean configured() {
			return !this.nodes.isEmpty();
		}

		@Override
		public String toString() {
			return "Sentinel[master=" + this.master + ", nodes=" + this.nodes + "]";
		}

	}

	/**
	 * Redis Cluster: keys are spread over the nodes by hash slot; each conversation's
	 * keys share a hash tag ({@code bot:{account:sender}:…}) so its transactions stay on
	 * one node.
	 *
	 * @param nodes some of the cluster's nodes, {@code host:port} (6379 when left out);
	 * the rest are discovered
	 * @param maxAttempts tries of a command across redirections and fail-overs
	 */
	public record Cluster(@DefaultValue List<String> nodes, @DefaultValue("5") int maxAttempts) {

		public Cluster {
			nodes = (nodes != null) ? List.copyOf(nodes) : List.of();
			hostsAndPorts("bot.redis.cluster.nodes", nodes, 6379);
			if (maxAttempts < 1) {
				throw new IllegalArgumentException(
						"bot.redis.cluster.max-attempts must be at least 1, but was " + maxAttempts);
			}
		}

		boolean configured() {
			return !this.nodes.isEmpty();
		}

	}

}

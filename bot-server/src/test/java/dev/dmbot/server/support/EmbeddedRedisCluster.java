package dev.dmbot.server.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

import redis.clients.jedis.Jedis;
import redis.embedded.RedisServer;

/**
 * A real three-node Redis Cluster on loopback, made of the embedded redis-server binary:
 * each node started with {@code cluster-enabled yes}, a third of the 16,384 slots given
 * to each with {@code CLUSTER ADDSLOTS}, and the nodes introduced with
 * {@code CLUSTER MEET}. No replicas. Starts in about a second.
 */
public final class EmbeddedRedisCluster implements AutoCloseable {

	private static final int SLOTS = 16384;

	private final List<RedisServer> servers = new ArrayList<>();

	private final List<Integer> ports = new ArrayList<>();

	public EmbeddedRedisCluster(int nodes) {
		try {
			for (int i = 0; i < nodes; i++) {
				int port = freePort();
				Path dir = Files.createTempDirectory("dmbot-cluster-");
				RedisServer server = RedisServer.newRedisServer()
					.bind("127.0.0.1")
					.port(port)
					.setting("dir " + dir)
					.setting("cluster-enabled yes")
					.setting("cluster-config-file nodes.conf")
					.setting("cluster-node-timeout 5000")
					.setting("appendonly no")
					.setting("save \"\"")
					.build();
				server.start();
				this.servers.add(server);
				this.ports.add(port);
			}
			for (int i = 0; i < nodes; i++) {
				try (Jedis jedis = new Jedis("127.0.0.1", this.ports.get(i))) {
					jedis.clusterAddSlots(IntStream.range(i * SLOTS / nodes, (i + 1) * SLOTS / nodes).toArray());
					for (int other = 0; other < nodes; other++) {
						if (other != i) {
							jedis.clusterMeet("127.0.0.1", this.ports.get(other));
						}
					}
				}
			}
			awaitState();
		}
		catch (IOException ex) {
			close();
			throw new UncheckedIOException("Cannot start the Redis Cluster", ex);
		}
	}

	/** {@code host:port} of every node, comma-separated, as bot.redis.cluster.nodes. */
	public String nodes() {
		return String.join(",", this.ports.stream().map((port) -> "127.0.0.1:" + port).toList());
	}

	public List<Integer> ports() {
		return List.copyOf(this.ports);
	}

	private void awaitState() {
		long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
		while (System.nanoTime() < deadline) {
			boolean ok = true;
			for (int port : this.ports) {
				try (Jedis jedis = new Jedis("127.0.0.1", port)) {
					String info = jedis.clusterInfo();
					ok &= info.contains("cluster_state:ok")
							&& info.contains("cluster_known_nodes:" + this.ports.size());
				}
			}
			if (ok) {
				return;
			}
			try {
				Thread.sleep(50);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new IllegalStateException(ex);
			}
		}
		throw new IllegalStateException("The Redis Cluster did not reach cluster_state:ok within 30 s");
	}

	@Override
	public void close() {
		for (RedisServer server : this.servers) {
			try {
				server.stop();
			}
			catch (IOException ex) {
				// Stopping the others matters more.
			}
		}
	}

	private static int freePort() {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}

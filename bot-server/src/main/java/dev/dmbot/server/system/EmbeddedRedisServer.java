package dev.dmbot.server.system;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import redis.embedded.RedisServer;

/**
 * A real redis-server process (the binary shipped in the embedded-redis artifact) for the
 * zero-set-up default and the tests. It keeps an append-only file in a private directory,
 * so a stop and start keeps what was written, as a production Redis with AOF does.
 */
public final class EmbeddedRedisServer implements AutoCloseable {

	private static final Logger log = LoggerFactory.getLogger(EmbeddedRedisServer.class);

	private final int port;

	private final Path dataDir;

	private RedisServer server;

	public EmbeddedRedisServer() {
		this.port = freePort();
		try {
			this.dataDir = Files.createTempDirectory("dmbot-redis-");
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot create a data directory for the embedded Redis server", ex);
		}
		start();
	}

	public int port() {
		return this.port;
	}

	public synchronized void start() {
		try {
			this.server = RedisServer.newRedisServer()
				.bind("127.0.0.1")
				.port(this.port)
				.setting("dir " + this.dataDir)
				.setting("appendonly yes")
				.setting("appendfsync everysec")
				.setting("save \"\"")
				.build();
			this.server.start();
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot start the embedded Redis server on port " + this.port, ex);
		}
		log.info("Embedded Redis server listening on 127.0.0.1:{} (set bot.redis.url to use your own Redis)",
				this.port);
	}

	public synchronized void stop() {
		if (this.server != null) {
			try {
				this.server.stop();
			}
			catch (IOException ex) {
				throw new UncheckedIOException("Cannot stop the embedded Redis server", ex);
			}
			this.server = null;
		}
	}

	@Override
	public void close() {
		stop();
	}

	private static int freePort() {
		try (ServerSocket socket = new ServerSocket(0)) {
			socket.setReuseAddress(true);
			return socket.getLocalPort();
		}
		catch (IOException ex) {
			throw new UncheckedIOException("No free port for the embedded Redis server", ex);
		}
	}

}

package dev.dmbot.server.system;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Comparator;
import java.util.stream.Stream;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import redis.embedded.RedisServer;

/**
 * A real redis-server process (the binary shipped in the embedded-redis artifact) for the
 * zero-set-up default and the tests. It keeps an append-only file in its data directory,
 * so a stop and start keeps what was written, as a production Redis with AOF does.
 * <p>
 * The server's data directory ({@code bot.redis.data-dir}) outlives the process: leads,
 * conversations, rule versions and tokens are there after a restart. A directory is used
 * by one server at a time (a lock file says so), since two redis-servers writing one
 * append-only file would ruin it. The tests' servers use a throw-away directory, removed
 * when they close.
 */
public final class EmbeddedRedisServer implements AutoCloseable {

	private static final Logger log = LoggerFactory.getLogger(EmbeddedRedisServer.class);

	static final String LOCK_FILE = "dmbot.lock";

	private final int port;

	private final Path dataDir;

	private final boolean throwAway;

	private final FileChannel lockChannel;

	private final FileLock lock;

	private RedisServer server;

	/** A server on a throw-away directory, removed on {@link #close()}: for tests. */
	public EmbeddedRedisServer() {
		this(temporaryDirectory(), true);
	}

	/**
	 * A server whose data lives in {@code dataDir}, created if missing.
	 * @throws IllegalStateException when another server holds the directory
	 */
	public EmbeddedRedisServer(Path dataDir) {
		this(dataDir, false);
	}

	private EmbeddedRedisServer(Path dataDir, boolean throwAway) {
		this.dataDir = dataDir.toAbsolutePath().normalize();
		this.throwAway = throwAway;
		try {
			Files.createDirectories(this.dataDir);
			this.lockChannel = FileChannel.open(this.dataDir.resolve(LOCK_FILE), StandardOpenOption.CREATE,
					StandardOpenOption.WRITE);
		}
		catch (IOException ex) {
			throw new IllegalStateException("Cannot use " + this.dataDir + " as the embedded Redis server's data "
					+ "directory (" + ex.getMessage() + "): make it writable, or point bot.redis.data-dir elsewhere",
					ex);
		}
		this.lock = tryLock();
		this.port = freePort();
		start();
	}

	public int port() {
		return this.port;
	}

	/** Where the append-only file lives. */
	public Path dataDir() {
		return this.dataDir;
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
		if (this.throwAway) {
			log.info("Embedded Redis server listening on 127.0.0.1:{} (set bot.redis.url to use your own Redis)",
					this.port);
		}
		else {
			log.info("Embedded Redis server listening on 127.0.0.1:{}, data in {} (set bot.redis.url to use your "
					+ "own Redis)", this.port, this.dataDir);
		}
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
		try {
			stop();
		}
		finally {
			release();
			if (this.throwAway) {
				deleteQuietly(this.dataDir);
			}
		}
	}

	private FileLock tryLock() {
		FileLock taken;
		try {
			taken = this.lockChannel.tryLock();
		}
		catch (IOException | OverlappingFileLockException ex) {
			taken = null;
		}
		if (taken == null) {
			closeQuietly();
			throw new IllegalStateException("Another dmbot server is using " + this.dataDir
					+ " for its embedded Redis: stop it first, or give this one a directory of its own with "
					+ "bot.redis.data-dir (or share a real Redis through bot.redis.url)");
		}
		return taken;
	}

	private void release() {
		try {
			this.lock.release();
		}
		catch (IOException ex) {
			log.debug("Could not release the lock of {}", this.dataDir, ex);
		}
		closeQuietly();
	}

	private void closeQuietly() {
		try {
			this.lockChannel.close();
		}
		catch (IOException ex) {
			log.debug("Could not close the lock file of {}", this.dataDir, ex);
		}
	}

	private static Path temporaryDirectory() {
		try {
			return Files.createTempDirectory("dmbot-redis-");
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot create a data directory for the embedded Redis server", ex);
		}
	}

	private static void deleteQuietly(Path directory) {
		try (Stream<Path> paths = Files.walk(directory)) {
			paths.sorted(Comparator.reverseOrder()).forEach((path) -> path.toFile().delete());
		}
		catch (IOException | UncheckedIOException ex) {
			log.debug("Could not remove {}", directory, ex);
		}
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

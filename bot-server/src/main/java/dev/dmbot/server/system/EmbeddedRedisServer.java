package dev.dmbot.server.system;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.charset.StandardCharsets;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
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

	static final String PID_FILE = "redis.pid";

	private static final Pattern READY = Pattern.compile("(?i)ready to accept connections");

	private static final Duration STOP_WAIT = Duration.ofSeconds(10);

	/** Longer than the intake's shutdown grace and the web server's, which come first. */
	private static final Duration EXIT_WAIT = Duration.ofSeconds(25);

	private final int port;

	private final Path dataDir;

	private final boolean throwAway;

	private final FileChannel lockChannel;

	private final FileLock lock;

	private volatile Process process;

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
		Runtime.getRuntime().addShutdownHook(new Thread(this::stopAtExit, "embedded-redis-exit-" + this.port));
	}

	public int port() {
		return this.port;
	}

	/** Where the append-only file lives. */
	public Path dataDir() {
		return this.dataDir;
	}

	public synchronized void start() {
		if (this.process != null && this.process.isAlive()) {
			return;
		}
		if (!this.throwAway) {
			stopLeftOver();
		}
		List<String> command;
		try {
			command = RedisServer.newRedisServer()
				.bind("127.0.0.1")
				.port(this.port)
				.setting("dir " + this.dataDir)
				.setting("appendonly yes")
				.setting("appendfsync everysec")
				.setting("save \"\"")
				.setting("pidfile " + this.dataDir.resolve(PID_FILE))
				.buildCommandArgs();
			// Started here rather than by the library, which stops the server from a JVM
			// shutdown hook of its own: that hook would take Redis away while the intake
			// still finishes its events and hands its partitions back.
			this.process = new ProcessBuilder(command).directory(new File(command.get(0)).getParentFile())
				.redirectErrorStream(true)
				.start();
			awaitReady(this.process);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot start the embedded Redis server on port " + this.port, ex);
		}
		log.info("Embedded Redis server listening on 127.0.0.1:{}{} (set bot.redis.url to use your own Redis)",
				this.port, this.throwAway ? "" : ", data in " + this.dataDir);
	}

	/**
	 * Stops the server the way Redis expects (SIGTERM: the append-only file is flushed),
	 * and forcibly if it has not stopped within {@link #STOP_WAIT}.
	 */
	public synchronized void stop() {
		Process running = this.process;
		this.process = null;
		if (running == null || !running.isAlive()) {
			return;
		}
		running.destroy();
		try {
			if (!running.waitFor(STOP_WAIT.toMillis(), TimeUnit.MILLISECONDS)) {
				log.warn("The embedded Redis server did not stop within {}; killing it", STOP_WAIT);
				running.destroyForcibly().waitFor(STOP_WAIT.toMillis(), TimeUnit.MILLISECONDS);
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			running.destroyForcibly();
		}
	}

	/**
	 * Waits for Redis's "ready" line, then keeps reading its output on a daemon thread so
	 * that a full pipe never blocks it.
	 */
	private void awaitReady(Process started) throws IOException {
		BufferedReader output = new BufferedReader(
				new InputStreamReader(started.getInputStream(), StandardCharsets.UTF_8));
		StringBuilder seen = new StringBuilder();
		String line;
		while ((line = output.readLine()) != null) {
			seen.append(line).append('\n');
			if (READY.matcher(line).find()) {
				Thread drain = new Thread(() -> drain(output), "embedded-redis-" + this.port);
				drain.setDaemon(true);
				drain.start();
				return;
			}
		}
		throw new IOException("redis-server exited before it was ready: " + seen.toString().strip());
	}

	private static void drain(BufferedReader output) {
		try {
			while (output.readLine() != null) {
				// Redis's own log is not ours to repeat.
			}
		}
		catch (IOException ex) {
			// The process is gone.
		}
	}

	/**
	 * A redis-server left running on this directory by a server that was killed (its pid
	 * file is still there) would keep the append-only file open: it is stopped first.
	 */
	private void stopLeftOver() {
		Path pidFile = this.dataDir.resolve(PID_FILE);
		try {
			if (!Files.exists(pidFile)) {
				return;
			}
			long pid = Long.parseLong(Files.readString(pidFile).strip());
			ProcessHandle.of(pid)
				.filter((handle) -> handle.info()
					.command()
					.map((command) -> command.contains("redis-server"))
					.orElse(false))
				.ifPresent((handle) -> {
					log.warn("Stopping the redis-server (pid {}) a killed server left running on {}", pid,
							this.dataDir);
					handle.destroy();
					handle.onExit().orTimeout(STOP_WAIT.toMillis(), TimeUnit.MILLISECONDS).exceptionally((ex) -> {
						handle.destroyForcibly();
						return handle;
					}).join();
				});
		}
		catch (IOException | NumberFormatException ex) {
			log.debug("Unreadable pid file {}", pidFile, ex);
		}
	}

	/**
	 * The last resort when nobody closed this server before the JVM exits (the
	 * application context normally does, after the intake has stopped): wait for that
	 * close a while, then stop it, so that no redis-server outlives the JVM.
	 */
	private void stopAtExit() {
		Process running = this.process;
		if (running == null) {
			return;
		}
		try {
			if (!running.waitFor(EXIT_WAIT.toMillis(), TimeUnit.MILLISECONDS)) {
				running.destroy();
			}
		}
		catch (InterruptedException ex) {
			running.destroy();
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

package dev.dmbot.server.workbook;

import java.io.IOException;
import java.nio.file.ClosedWatchServiceException;
import java.nio.file.FileSystems;
import java.nio.file.Path;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchEvent;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import redis.clients.jedis.exceptions.JedisException;

import dev.dmbot.server.system.TransientException;

/**
 * Watches the rules folder: when an analyst saves a workbook there, and the folder has
 * been quiet for {@code bot.rules.debounce}, the folder's workbooks are activated as one
 * set. A save that fails is logged once; the live rules keep serving.
 */
@Component
class RulesFolderWatcher implements SmartLifecycle {

	private static final Logger log = LoggerFactory.getLogger(RulesFolderWatcher.class);

	static final String WATCHER = "file-watcher";

	private final RuleSetActivator activator;

	private final RulesProperties properties;

	private ScheduledExecutorService scheduler;

	private WatchService watchService;

	private ScheduledFuture<?> pending;

	private String lastRejectedHash;

	private volatile boolean running;

	RulesFolderWatcher(RuleSetActivator activator, RulesProperties properties) {
		this.activator = activator;
		this.properties = properties;
	}

	@Override
	public void start() {
		Path folder = WorkbookSource.folder(this.properties).orElse(null);
		if (!this.properties.watch() || folder == null) {
			return;
		}
		try {
			this.watchService = FileSystems.getDefault().newWatchService();
			folder.register(this.watchService, StandardWatchEventKinds.ENTRY_CREATE,
					StandardWatchEventKinds.ENTRY_MODIFY, StandardWatchEventKinds.ENTRY_DELETE);
		}
		catch (IOException ex) {
			log.warn("Cannot watch {} for saved workbooks; upload them through the admin API instead: {}",
					folder.toAbsolutePath(), ex.getMessage());
			return;
		}
		this.scheduler = Executors.newScheduledThreadPool(1, (runnable) -> {
			Thread thread = new Thread(runnable, "rules-watcher");
			thread.setDaemon(true);
			return thread;
		});
		this.running = true;
		Thread listener = new Thread(() -> listen(folder), "rules-watcher-events");
		listener.setDaemon(true);
		listener.start();
		log.info("Watching {} for saved workbooks", folder.toAbsolutePath());
	}

	private void listen(Path folder) {
		while (this.running) {
			WatchKey key;
			try {
				key = this.watchService.take();
			}
			catch (InterruptedException | ClosedWatchServiceException ex) {
				return;
			}
			boolean workbookTouched = false;
			for (WatchEvent<?> event : key.pollEvents()) {
				Object context = event.context();
				workbookTouched |= event.kind() == StandardWatchEventKinds.OVERFLOW
						|| (context instanceof Path path && WorkbookSource.isWorkbookName(path.toString()));
			}
			key.reset();
			if (workbookTouched) {
				schedule(folder, this.properties.debounce().toMillis());
			}
		}
	}

	/**
	 * Every new event restarts the wait, so a workbook is read once it is fully written.
	 */
	private synchronized void schedule(Path folder, long delayMillis) {
		if (this.pending != null) {
			this.pending.cancel(false);
		}
		this.pending = this.scheduler.schedule(() -> reload(folder), delayMillis, TimeUnit.MILLISECONDS);
	}

	private void reload(Path folder) {
		List<Workbook> workbooks;
		try {
			workbooks = WorkbookSource.fromFolder(folder);
		}
		catch (RuntimeException ex) {
			log.warn("Cannot read the workbooks in {}; the live rules keep serving: {}", folder.toAbsolutePath(),
					ex.getMessage());
			return;
		}
		if (workbooks.isEmpty()) {
			log.warn("{} holds no workbooks now; the live rules keep serving", folder.toAbsolutePath());
			return;
		}
		String hash = DecisionTableCompiler.sha256(workbooks);
		RuleSetVersion live = this.activator.current();
		if ((live != null && live.hash().equals(hash)) || hash.equals(this.lastRejectedHash)) {
			return;
		}
		try {
			this.activator.replaceAll(workbooks, WATCHER);
			this.lastRejectedHash = null;
		}
		catch (WorkbookCompileException ex) {
			// The activator logged and counted it; the same content is not tried again.
			this.lastRejectedHash = hash;
		}
		catch (JedisException | TransientException ex) {
			log.warn("Cannot activate the saved workbooks yet, trying again shortly: {}", ex.getMessage());
			schedule(folder, 2000);
		}
	}

	@Override
	public void stop() {
		this.running = false;
		if (this.scheduler != null) {
			this.scheduler.shutdownNow();
		}
		if (this.watchService != null) {
			try {
				this.watchService.close();
			}
			catch (IOException ex) {
				log.debug("Closing the rules folder watch failed", ex);
			}
		}
	}

	@Override
	public boolean isRunning() {
		return this.running;
	}

	@Override
	public int getPhase() {
		// After the activator has agreed on the live version with Redis.
		return SmartLifecycle.DEFAULT_PHASE - 4000;
	}

}

package dev.dmbot.server.accounts;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

import dev.dmbot.server.system.Periodic;

/**
 * Runs {@link TokenRefresher} on every instance every {@code bot.accounts.refresh-every},
 * the first time a minute after start; the refresher's leases make one instance refresh
 * each token.
 */
@Component
class TokenRefreshSchedule implements SmartLifecycle {

	private static final Logger log = LoggerFactory.getLogger(TokenRefreshSchedule.class);

	private final TokenRefresher refresher;

	private final TokenRefreshProperties properties;

	private volatile Periodic scheduler;

	TokenRefreshSchedule(TokenRefresher refresher, TokenRefreshProperties properties) {
		this.refresher = refresher;
		this.properties = properties;
	}

	void run() {
		try {
			this.refresher.refreshDue();
		}
		catch (RuntimeException ex) {
			// A failed run never stops the schedule: the next one tries again.
			log.warn("The connected accounts' tokens were not checked for refresh: {}. Tried again in {}.",
					ex.getMessage(), this.properties.refreshEvery());
		}
	}

	@Override
	public void start() {
		this.scheduler = Periodic.every("token-refresh-", this.properties.firstRunAfter(),
				this.properties.refreshEvery(), this::run);
	}

	@Override
	public void stop() {
		Periodic periodic = this.scheduler;
		this.scheduler = null;
		if (periodic != null) {
			periodic.close();
		}
	}

	@Override
	public boolean isRunning() {
		return this.scheduler != null;
	}

}

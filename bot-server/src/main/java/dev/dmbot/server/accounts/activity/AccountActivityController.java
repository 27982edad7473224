package dev.dmbot.server.accounts.activity;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import dev.dmbot.server.accounts.Account;
import dev.dmbot.server.access.Caller;
import dev.dmbot.server.access.FiltersAccounts;
import dev.dmbot.server.accounts.Accounts;
import dev.dmbot.server.system.BotException;
import dev.dmbot.server.system.PermanentException;
import dev.dmbot.server.system.TransientException;

/**
 * {@code GET /api/admin/accounts/activity}: for every account served that the caller
 * sees, when it last received an event and sent a message, its refused sends and whether
 * it has gone silent. A Redis outage answers 503 like every admin API.
 */
@RestController
@RequestMapping("/api/admin/accounts/activity")
class AccountActivityController {

	private final Accounts accounts;

	private final AccountActivity activity;

	AccountActivityController(Accounts accounts, AccountActivity activity) {
		this.accounts = accounts;
		this.activity = activity;
	}

	/**
	 * One account's activity as the API shows it.
	 *
	 * @param account the account id
	 * @param username its Instagram username, when known
	 * @param silent whether it used to receive events and has received none for
	 * {@code bot.accounts.activity.silence-alert-after}
	 */
	record AccountActivityView(String account, String username, Instant lastEventReceived, Instant lastReplySent,
			long sendErrors, Activity.SendError lastSendError, boolean silent) {
	}

	@GetMapping
	@FiltersAccounts
	List<AccountActivityView> all(Authentication authentication) {
		Caller caller = Caller.of(authentication);
		List<AccountActivityView> views = new ArrayList<>();
		for (Account account : this.accounts.all()) {
			if (!caller.sees(account.id())) {
				continue;
			}
			Activity a = this.activity.of(account.id());
			views.add(new AccountActivityView(account.id(), account.username(), a.lastEventReceived(),
					a.lastReplySent(), a.sendErrors(), a.lastSendError(), this.activity.silent(a)));
		}
		return views;
	}

	@ExceptionHandler({ TransientException.class, PermanentException.class })
	ResponseEntity<Map<String, String>> redisAway(BotException ex) {
		return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
			.body(Map.of("error", "Redis cannot be reached, so the accounts' activity cannot be read; try again "
					+ "when it is back."));
	}

}

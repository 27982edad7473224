package dev.dmbot.server.accounts;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import dev.dmbot.server.platform.redis.HashRecordSet;
import dev.dmbot.server.platform.redis.HashRecords;

/**
 * The accounts connected through Business Login, in Redis: one hash per account at
 * {@code bot:{accounts}:account:<id>} (id, username, the access token encrypted by
 * {@link TokenCipher}, when it was issued and when it expires, when and by whom the
 * account was connected, status, subscribed fields, and the last automatic refresh and
 * disconnection) and their ids in {@code bot:{accounts}:ids}. Nothing is cached, so an
 * account connected on one instance is answered by every instance at once.
 * <p>
 * The token refresh writes through {@link #held} and a compare-and-set on the stored
 * token ({@link #tokenRefreshed}, {@link #refreshFailed}, {@link #disconnected}), so it
 * never overwrites a newer login or another instance's refresh.
 * <p>
 * Key rotation: a token written under one of
 * {@code bot.security.previous-encryption-keys} is written again under
 * {@code bot.security.encryption-key} when it is read, and every stored token is at
 * start-up, so an old key can be dropped once every instance has started with the new
 * one.
 */
@Component
public class ConnectedAccounts {

	private static final Logger log = LoggerFactory.getLogger(ConnectedAccounts.class);

	private final HashRecordSet records;

	private final TokenCipher cipher;

	@Autowired
	public ConnectedAccounts(HashRecords records, EncryptionProperties encryption) {
		this(records, TokenCipher.of(encryption));
	}

	ConnectedAccounts(HashRecords records, TokenCipher cipher) {
		this.records = records.named(AccountKeys.IDS, AccountKeys.ACCOUNT_PREFIX);
		this.cipher = cipher;
	}

	/**
	 * Whether tokens can be stored: {@code bot.security.encryption-key} is set.
	 */
	public boolean canStoreTokens() {
		return this.cipher.canEncrypt();
	}

	/**
	 * Fails unless tokens can be stored.
	 * @throws EncryptionKeyMissingException naming the property and how to make a key
	 */
	public void requireTokenStorage(String what) {
		if (!canStoreTokens()) {
			throw new EncryptionKeyMissingException(what);
		}
	}

	/**
	 * Stores the account, replacing any earlier connection of it whole.
	 * @throws EncryptionKeyMissingException when no encryption key is set
	 */
	public void save(ConnectedAccount account) {
		Map<String, String> fields = new LinkedHashMap<>();
		fields.put("id", account.id());
		if (account.username() != null) {
			fields.put("username", account.username());
		}
		fields.put("token", this.cipher.encrypt(account.token().value(), account.id()));
		fields.put("tokenExpiresAt", account.tokenExpiresAt().toString());
		fields.put("tokenIssuedAt", account.tokenIssuedAt().toString());
		fields.put("connectedAt", account.connectedAt().toString());
		if (account.connectedBy() != null) {
			fields.put("connectedBy", account.connectedBy());
		}
		fields.put("status", account.status().name());
		fields.put("subscribedFields", String.join(",", account.subscribedFields()));
		this.records.put(account.id(), fields);
	}

	/** Every connected account without its token, by id. */
	public List<AccountDetails> list() {
		List<AccountDetails> accounts = new ArrayList<>();
		this.records.all().forEach((id, fields) -> accounts.add(details(id, fields)));
		return accounts;
	}

	/** The connected account of this id, without its token; empty when there is none. */
	public Optional<AccountDetails> details(String accountId) {
		return this.records.find(accountId).map((fields) -> details(accountId, fields));
	}

	/**
	 * The connected account of this id with its token; empty when there is none.
	 * @throws TokenUnreadableException when its token does not decrypt with the keys set
	 */
	public Optional<ConnectedAccount> find(String accountId) {
		return this.records.find(accountId).map((fields) -> withToken(accountId, fields));
	}

	/**
	 * The connected account of this id with its token and the token's stored form, for a
	 * change that must not overwrite a newer connection ({@link #tokenRefreshed},
	 * {@link #refreshFailed}, {@link #disconnected}); empty when there is none.
	 * @throws TokenUnreadableException when its token does not decrypt with the keys set
	 */
	Optional<HeldToken> held(String accountId) {
		return this.records.find(accountId).map((fields) -> read(accountId, fields));
	}

	/**
	 * Stores the token Meta issued in place of the held one, unless the account changed
	 * since it was read (connected again, or refreshed by another instance).
	 * @return whether it was stored
	 */
	boolean tokenRefreshed(HeldToken held, AccessToken fresh, Instant issuedAt, Instant expiresAt) {
		Map<String, String> fields = new LinkedHashMap<>();
		fields.put("token", this.cipher.encrypt(fresh.value(), held.account().id()));
		fields.put("tokenIssuedAt", issuedAt.toString());
		fields.put("tokenExpiresAt", expiresAt.toString());
		fields.putAll(refresh(issuedAt, TokenRefreshOutcome.REFRESHED, ""));
		return this.records.replaceFields(held.account().id(), "token", held.stored(), fields);
	}

	/**
	 * Records a refresh that failed and leaves the token as it is, unless the account
	 * changed since it was read.
	 * @return whether it was recorded
	 */
	boolean refreshFailed(HeldToken held, Instant at, String problem) {
		return this.records.replaceFields(held.account().id(), "token", held.stored(),
				refresh(at, TokenRefreshOutcome.FAILED, problem));
	}

	/**
	 * Marks the account disconnected (Meta no longer accepts its token) with the reason,
	 * and leaves the token as it is, unless the account changed since it was read (a new
	 * connection has a new token).
	 * @return whether it was marked
	 */
	boolean disconnected(HeldToken held, Instant at, String reason) {
		Map<String, String> fields = new LinkedHashMap<>(refresh(at, TokenRefreshOutcome.DISCONNECTED, reason));
		fields.put("status", AccountStatus.DISCONNECTED.name());
		fields.put("disconnectedAt", at.toString());
		fields.put("disconnectedReason", reason);
		return this.records.replaceFields(held.account().id(), "token", held.stored(), fields);
	}

	/**
	 * Marks the account disconnected because Meta refused its token when the server sent
	 * with it, unless it is disconnected already or was connected again since it was read
	 * (a new connection has a new token), so that of several instances meeting the
	 * refusal at once one marks it.
	 * @return whether it was marked here
	 */
	boolean disconnectedBySend(HeldToken held, Instant at, String reason) {
		if (held.details().status() != AccountStatus.CONNECTED) {
			return false;
		}
		Map<String, String> fields = new LinkedHashMap<>();
		fields.put("status", AccountStatus.DISCONNECTED.name());
		fields.put("disconnectedAt", at.toString());
		fields.put("disconnectedReason", reason);
		return this.records.replaceFieldsWhile(held.account().id(),
				Map.of("token", held.stored(), "status", AccountStatus.CONNECTED.name()), fields);
	}

	private static Map<String, String> refresh(Instant at, TokenRefreshOutcome outcome, String problem) {
		return Map.of("refreshedAt", at.toString(), "refreshOutcome", outcome.name(), "refreshProblem",
				(problem != null) ? problem : "");
	}

	/**
	 * Writes every token stored under a previous key again under the current key, and
	 * warns of those no key set here reads.
	 */
	@EventListener(ApplicationReadyEvent.class)
	void reencryptUnderCurrentKey() {
		try {
			if (!canStoreTokens()) {
				int stored = this.records.ids().size();
				if (stored > 0) {
					log.warn("{} connected account(s) in Redis, but bot.security.encryption-key is not set: their "
							+ "tokens cannot be read, and they are not answered. Set the key they were written under.",
							stored);
				}
				return;
			}
			this.records.all().forEach((id, fields) -> {
				try {
					withToken(id, fields);
				}
				catch (TokenUnreadableException ex) {
					log.warn("Connected account {} cannot be answered: {}", id, ex.getMessage());
				}
			});
		}
		catch (RuntimeException ex) {
			// Done again on the next read of each token; a start-up never fails for it.
			log.warn("Connected accounts were not checked for re-encryption at start-up: {}", ex.getMessage());
		}
	}

	private ConnectedAccount withToken(String accountId, Map<String, String> fields) {
		return read(accountId, fields).account();
	}

	private HeldToken read(String accountId, Map<String, String> fields) {
		String stored = fields.get("token");
		if (!canStoreTokens()) {
			throw new TokenUnreadableException("The access token of account " + accountId
					+ " cannot be read: bot.security.encryption-key is not set", null);
		}
		TokenCipher.Decrypted token = this.cipher.decrypt(stored, accountId);
		if (!token.underCurrentKey()) {
			String again = this.cipher.encrypt(token.plaintext(), accountId);
			if (this.records.replaceField(accountId, "token", stored, again)) {
				log.info("The access token of account {} was re-encrypted under the current key", accountId);
				stored = again;
			}
		}
		AccountDetails details = details(accountId, fields);
		return new HeldToken(new ConnectedAccount(accountId, details.username(), AccessToken.of(token.plaintext()),
				details.tokenExpiresAt(), details.connectedAt(), details.connectedBy(), details.status(),
				details.subscribedFields(), details.tokenIssuedAt()), details, stored);
	}

	private static AccountDetails details(String accountId, Map<String, String> fields) {
		Instant refreshedAt = instant(fields.get("refreshedAt"));
		AccountDetails.TokenRefresh lastRefresh = (refreshedAt == null) ? null
				: new AccountDetails.TokenRefresh(refreshedAt, TokenRefreshOutcome.parse(fields.get("refreshOutcome")),
						blankToNull(fields.get("refreshProblem")));
		return new AccountDetails(accountId, fields.get("username"), AccountStatus.parse(fields.get("status")),
				instant(fields.get("tokenExpiresAt")), instant(fields.get("connectedAt")), fields.get("connectedBy"),
				fields(fields.get("subscribedFields")), instant(fields.get("tokenIssuedAt")), lastRefresh,
				instant(fields.get("disconnectedAt")), blankToNull(fields.get("disconnectedReason")));
	}

	private static Instant instant(String value) {
		return (value == null || value.isEmpty()) ? null : Instant.parse(value);
	}

	private static String blankToNull(String value) {
		return (value == null || value.isEmpty()) ? null : value;
	}

	private static List<String> fields(String value) {
		return (value == null || value.isEmpty()) ? List.of() : Arrays.asList(value.split(","));
	}

	@Override
	public String toString() {
		return "ConnectedAccounts[" + this.cipher + "]";
	}

	/**
	 * A connected account as read, with its token's stored (encrypted) form, against
	 * which a later write compares.
	 */
	record HeldToken(ConnectedAccount account, AccountDetails details, String stored) {

		@Override
		public String toString() {
			return "HeldToken[" + this.account.id() + "]";
		}

	}

}

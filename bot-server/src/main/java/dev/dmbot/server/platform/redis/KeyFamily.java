package dev.dmbot.server.platform.redis;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One kind of Redis key a feature writes: its name, the template its keys follow, whose
 * data it holds, how erasure treats one person's part of it and how long it is kept. Each
 * feature lists its families in its {@link FeatureKeys} bean, next to the methods that
 * build the keys; {@link KeyRegistry} collects them.
 * <p>
 * A template is the key with each variable part written {@code <name>}:
 * {@code bot:{<account>:<sender>}:ctx}. A variable part matches anything but {@code :},
 * <code>{</code> and <code>}</code>; one written {@code <name...>} may hold {@code :} too
 * (an event's dedup key, a lead's source). Keys about one person in one account start
 * with the conversation's hash tag, {@value #PERSON_TAG}, so that erasure finds them all
 * with one {@code SCAN} and a turn keeps them in one Redis Cluster slot.
 *
 * @param feature the feature that owns the keys, as its package is named
 * @param name the family's name within the feature
 * @param template the key with its variable parts as {@code <name>}
 * @param scope whom the keys belong to
 * @param erasure how one person's part is erased; {@code null} until stated, which
 * {@link KeyRegistry} refuses at start-up
 * @param retention how long the data is kept, in words, naming the setting that decides
 * it (for the key table), or {@link #UNTIL_REMOVED}
 */
public record KeyFamily(String feature, String name, String template, KeyScope scope, Erasure erasure,
		String retention) {

	/** The start of every key about one person in one account. */
	public static final String PERSON_TAG = "bot:{<account>:<sender>}:";

	/**
	 * The retention of a family without a time to live: kept until the feature removes
	 * it.
	 */
	public static final String UNTIL_REMOVED = "until the feature removes it";

	private static final Pattern PLACEHOLDER = Pattern.compile("<([a-z-]+)(\\.\\.\\.)?>");

	public KeyFamily {
		if (feature == null || feature.isBlank() || name == null || name.isBlank()) {
			throw new IllegalArgumentException(
					"a key family needs a feature and a name, but was '" + feature + "/" + name + "'");
		}
		if (template == null || !template.startsWith("bot:")) {
			throw new IllegalArgumentException("key family " + feature + "/" + name
					+ ": a template starts with 'bot:', but was '" + template + "'");
		}
		if (scope == null) {
			throw new IllegalArgumentException("key family " + feature + "/" + name + " needs a scope");
		}
		retention = (retention == null) ? UNTIL_REMOVED : retention;
	}

	/** A family of keys about one person in one account. */
	public static KeyFamily person(String feature, String name, String template) {
		return new KeyFamily(feature, name, template, KeyScope.PERSON, null, null);
	}

	/** A family of keys shared by one account. */
	public static KeyFamily account(String feature, String name, String template) {
		return new KeyFamily(feature, name, template, KeyScope.ACCOUNT, null, null);
	}

	/** A family of keys shared by the whole server. */
	public static KeyFamily server(String feature, String name, String template) {
		return new KeyFamily(feature, name, template, KeyScope.SERVER, null, null);
	}

	/** This family, erased as stated. */
	public KeyFamily erased(Erasure how) {
		return new KeyFamily(this.feature, this.name, this.template, this.scope, how, this.retention);
	}

	/**
	 * This family, kept as stated (a sentence naming the setting or the time to live).
	 */
	public KeyFamily kept(String how) {
		return new KeyFamily(this.feature, this.name, this.template, this.scope, this.erasure, how);
	}

	/** {@code feature/name}, as messages and the key table name the family. */
	public String id() {
		return this.feature + "/" + this.name;
	}

	/** Whether the keys sit under the person's hash tag, where erasure deletes them. */
	public boolean underPersonTag() {
		return this.template.startsWith(PERSON_TAG);
	}

	/** The regular expression that the family's keys, and only they, match. */
	public Pattern pattern() {
		StringBuilder regex = new StringBuilder();
		Matcher placeholder = PLACEHOLDER.matcher(this.template);
		int at = 0;
		while (placeholder.find()) {
			regex.append(Pattern.quote(this.template.substring(at, placeholder.start())));
			regex.append((placeholder.group(2) != null) ? "[^{}]+" : "[^:{}]+");
			at = placeholder.end();
		}
		regex.append(Pattern.quote(this.template.substring(at)));
		return Pattern.compile(regex.toString());
	}

}

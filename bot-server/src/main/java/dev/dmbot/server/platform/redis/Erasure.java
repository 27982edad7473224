package dev.dmbot.server.platform.redis;

import dev.dmbot.server.system.PersonalData;

/**
 * How the keys of one {@link KeyFamily} give up one person's data when that person asks
 * to be deleted. Every family states one, so a feature cannot add a key that erasure
 * forgets: {@link KeyRegistry} refuses to start without it.
 *
 * @param kind what erasure does with the family's keys
 * @param step the feature's erase step: for {@link Kind#BY_FEATURE} the bean that removes
 * the person's members, fields or keys; for {@link Kind#DELETE_KEY} an optional bean run
 * before the key is deleted (to forget a copy held in memory); otherwise {@code null}
 * @param why for {@link Kind#SHORT_LIVED}, why the data is gone soon enough without
 * erasure; otherwise empty
 */
public record Erasure(Kind kind, Class<? extends PersonalData> step, String why) {

	/** What erasure does with a family's keys. */
	public enum Kind {

		/**
		 * The key is the person's, under their hash tag {@code bot:{account:sender}:…}:
		 * erasure deletes it whole.
		 */
		DELETE_KEY,

		/**
		 * A shared key (or a key outside the person's hash tag): the feature's
		 * {@link PersonalData} bean named as the step removes the person's part.
		 */
		BY_FEATURE,

		/**
		 * Names the person only for a short while (a queued event, a marker of the last
		 * day): erasure leaves it to expire, for the reason given.
		 */
		SHORT_LIVED,

		/** Holds nothing about a person. */
		NOT_PERSONAL

	}

	public Erasure {
		if (kind == null) {
			throw new IllegalArgumentException("an erasure needs a kind");
		}
		if (kind == Kind.BY_FEATURE && step == null) {
			throw new IllegalArgumentException("an erasure by the feature must name its PersonalData bean");
		}
		if ((kind == Kind.SHORT_LIVED || kind == Kind.NOT_PERSONAL) && step != null) {
			throw new IllegalArgumentException("a " + kind + " family has no erase step, but names " + step.getName());
		}
		if (kind == Kind.SHORT_LIVED && (why == null || why.isBlank())) {
			throw new IllegalArgumentException("a short-lived family must say why erasure may leave it");
		}
		why = (why == null) ? "" : why;
	}

	/** The person's own key, deleted whole. */
	public static Erasure deleteKey() {
		return new Erasure(Kind.DELETE_KEY, null, "");
	}

	/** A shared key from which {@code step} removes the person's part. */
	public static Erasure by(Class<? extends PersonalData> step) {
		return new Erasure(Kind.BY_FEATURE, step, "");
	}

	/** Personal data that expires soon enough on its own, for the reason given. */
	public static Erasure shortLived(String why) {
		return new Erasure(Kind.SHORT_LIVED, null, why);
	}

	/** Nothing about a person. */
	public static Erasure notPersonal() {
		return new Erasure(Kind.NOT_PERSONAL, null, "");
	}

	/** The person's own key, deleted whole after {@code step} ran (to forget a copy). */
	public Erasure after(Class<? extends PersonalData> step) {
		if (this.kind != Kind.DELETE_KEY) {
			throw new IllegalStateException("only a deleted key runs a step before, not a " + this.kind + " one");
		}
		return new Erasure(this.kind, step, this.why);
	}

	/** Whether the family's keys may hold something about a person. */
	public boolean personal() {
		return this.kind != Kind.NOT_PERSONAL;
	}

	/** How a reader of the key table is told: "deleted", "by LeadPersonalData", … */
	public String describe() {
		return switch (this.kind) {
			case DELETE_KEY -> (this.step != null) ? "deleted, after " + this.step.getSimpleName() : "deleted";
			case BY_FEATURE -> "the person's part removed by " + this.step.getSimpleName();
			case SHORT_LIVED -> "left to expire: " + this.why;
			case NOT_PERSONAL -> "holds no personal data";
		};
	}

}

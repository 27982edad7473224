package dev.dmbot.server.attribution;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

import dev.dmbot.server.workbook.Experiment;
import dev.dmbot.server.workbook.Exposure;
import dev.dmbot.server.workbook.ReplyVariant;
import dev.dmbot.server.workbook.VariantChoice;

/**
 * Gives each person one wording per A/B test and keeps them on it: the wording they were
 * given before, as long as the test still has it; otherwise one drawn from a hash of the
 * experiment and the person, weighted by the shares. The hash makes two instances
 * deciding for the same new person at once agree, without asking Redis.
 * <p>
 * One instance per turn. The person's stored wordings are read from Redis only when the
 * turn's reply is under test, so the many replies that are not cost no extra round trip.
 */
final class StickyVariants implements VariantChoice {

	private final ContactTouches touches;

	private final String accountId;

	private final String senderId;

	private Touches stored;

	StickyVariants(ContactTouches touches, String accountId, String senderId) {
		this(touches, accountId, senderId, null);
	}

	/**
	 * @param stored the person's touches, already read with the turn
	 */
	StickyVariants(ContactTouches touches, String accountId, String senderId, Touches stored) {
		this.touches = touches;
		this.accountId = accountId;
		this.senderId = senderId;
		this.stored = stored;
	}

	@Override
	public String choose(Experiment experiment) {
		String given = stored().variants().get(experiment.name());
		if (given != null && experiment.variant(given).isPresent()) {
			return given;
		}
		return drawn(experiment, this.senderId);
	}

	/** Whether this turn gave the person a wording they had not been stored with. */
	boolean newlyGiven(Exposure exposure) {
		return !exposure.variant().equals(stored().variants().get(exposure.experiment()));
	}

	private Touches stored() {
		if (this.stored == null) {
			this.stored = this.touches.load(this.accountId, this.senderId);
		}
		return this.stored;
	}

	static String drawn(Experiment experiment, String senderId) {
		int bucket = bucket(experiment.name() + "|" + senderId);
		int upTo = 0;
		for (ReplyVariant variant : experiment.variants()) {
			upTo += variant.share();
			if (bucket < upTo) {
				return variant.label();
			}
		}
		return experiment.variants().get(experiment.variants().size() - 1).label();
	}

	/** 0 to 99, evenly spread and the same on every JVM. */
	private static int bucket(String key) {
		try {
			byte[] digest = MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
			long value = 0;
			for (int i = 0; i < 8; i++) {
				value = (value << 8) | (digest[i] & 0xff);
			}
			return (int) Long.remainderUnsigned(value, 100);
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("every JVM has SHA-256", ex);
		}
	}

}

package dev.dmbot.server.conversation;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How comments on the account's posts and reels are answered.
 *
 * @param privateRepliesPerHour private replies per account in any 60 minutes, shared by
 * all instances (Meta allows 750); the rest wait in a queue, none is dropped
 * @param drainInterval how often each instance looks for queued private replies whose
 * turn has come
 */
@ConfigurationProperties("bot.comments")
record CommentsProperties(@DefaultValue("750") int privateRepliesPerHour, @DefaultValue("10s") Duration drainInterval) {

	CommentsProperties {
		if (privateRepliesPerHour < 1) {
			throw new IllegalArgumentException(
					"bot.comments.private-replies-per-hour must be positive, but was " + privateRepliesPerHour);
		}
		if (drainInterval.isNegative() || drainInterval.isZero()) {
			throw new IllegalArgumentException(
					"bot.comments.drain-interval must be positive, but was " + drainInterval);
		}
	}

}

package dev.dmbot.server.intake;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The durable queue between the webhook and the workers.
 *
 * @param partitions how many Redis Streams the events are spread over; one sender always
 * lands on the same one, and one worker at a time owns a partition, which keeps each
 * sender's events in order. Changing it while events are queued reorders them, so pick it
 * once (it bounds how many workers all instances together can use)
 * @param batchSize entries read from a stream per call
 * @param leaseTtl how long an instance owns a partition without renewing; a crashed
 * instance's partitions are taken over after this
 * @param dedupTtl how long a processed event id is remembered; Meta redelivers for up to
 * 36 hours
 * @param block how long a worker waits on an empty stream before it checks whether it
 * must stop; by default a third of {@code leaseTtl}. A stopping worker may take this long
 * to let its partition go, and every owned partition costs one read per {@code block}
 * while idle
 * @param maxEventAge how old a DM event may be and still be handled; older ones are
 * acknowledged and dropped, so a signed body captured long ago and posted again cannot
 * make the bot speak. Must be shorter than {@code dedupTtl}, so that any event young
 * enough to be handled is also remembered if it comes again.
 * @param shutdownGrace how long a stopping instance waits for the events in hand to be
 * answered; a partition whose event is still in hand after it keeps its lease until the
 * lease expires, so no two instances ever answer one event
 */
@ConfigurationProperties("bot.intake")
public record IntakeProperties(@DefaultValue("8") int partitions, @DefaultValue("64") int batchSize,
		@DefaultValue("15s") Duration leaseTtl, @DefaultValue("7d") Duration dedupTtl, Duration block,
		@DefaultValue("3d") Duration maxEventAge, @DefaultValue("20s") Duration shutdownGrace) {

	public IntakeProperties {
		if (block == null && leaseTtl != null) {
			block = leaseTtl.dividedBy(3);
		}
		if (partitions < 1 || partitions > 1024) {
			throw new IllegalArgumentException(
					"bot.intake.partitions must be between 1 and 1024, but was " + partitions);
		}
		if (batchSize < 1) {
			throw new IllegalArgumentException("bot.intake.batch-size must be positive, but was " + batchSize);
		}
		if (leaseTtl.compareTo(Duration.ofSeconds(3)) < 0) {
			throw new IllegalArgumentException("bot.intake.lease-ttl must be at least 3s, but was " + leaseTtl);
		}
		if (dedupTtl.compareTo(Duration.ofHours(36)) < 0) {
			throw new IllegalArgumentException(
					"bot.intake.dedup-ttl must cover Meta's 36-hour redelivery period, but was " + dedupTtl);
		}
		if (maxEventAge.compareTo(Duration.ofHours(36)) < 0 || maxEventAge.compareTo(dedupTtl) >= 0) {
			throw new IllegalArgumentException("bot.intake.max-event-age must be at least 36h (Meta redelivers for "
					+ "that long) and shorter than bot.intake.dedup-ttl (" + dedupTtl + "), but was " + maxEventAge);
		}
		if (block.isNegative() || block.compareTo(leaseTtl.dividedBy(3)) > 0) {
			throw new IllegalArgumentException(
					"bot.intake.block must be between 0 and a third of lease-ttl, but was " + block);
		}
		if (shutdownGrace.isNegative() || shutdownGrace.compareTo(Duration.ofMinutes(10)) > 0) {
			throw new IllegalArgumentException(
					"bot.intake.shutdown-grace must be between 0 and 10m, but was " + shutdownGrace);
		}
	}

}

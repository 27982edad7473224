package dev.dmbot.server.leads;

import org.springframework.stereotype.Component;
import redis.clients.jedis.UnifiedJedis;

import dev.dmbot.server.system.DueQueue;

/**
 * Lead deliveries waiting for their next try: the sorted set {@code bot:{leads}:pending},
 * lead id scored by the epoch millisecond it is due, claimed by one instance at a time
 * (see {@link DueQueue}).
 */
@Component
class PendingDeliveries extends DueQueue {

	PendingDeliveries(UnifiedJedis redis) {
		super(redis, LeadKeys.PENDING);
	}

}

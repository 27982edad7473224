package dev.dmbot.server.intake;

import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Component;
import redis.clients.jedis.AbstractPipeline;
import redis.clients.jedis.Response;
import redis.clients.jedis.StreamEntryID;
import redis.clients.jedis.UnifiedJedis;
import redis.clients.jedis.exceptions.JedisException;

/**
 * The durable queue of received events: one Redis Stream per partition, a sender always
 * in the same partition. {@link #append} returns only once Redis has every event, so a
 * 200 to Meta means nothing can be lost.
 */
@Component
public class EventStream {

	private final UnifiedJedis redis;

	private final EventCodec codec;

	private final IntakeProperties properties;

	EventStream(UnifiedJedis redis, EventCodec codec, IntakeProperties properties) {
		this.redis = redis;
		this.codec = codec;
		this.properties = properties;
	}

	/**
	 * Stores every event of one delivery.
	 * @throws StorageUnavailableException when Redis does not confirm all of them
	 */
	public void append(List<InboundEvent> events) {
		if (events.isEmpty()) {
			return;
		}
		try (AbstractPipeline pipeline = this.redis.pipelined()) {
			List<Response<StreamEntryID>> stored = new java.util.ArrayList<>(events.size());
			for (InboundEvent event : events) {
				int partition = StreamKeys.partitionOf(event, this.properties.partitions());
				stored.add(pipeline.xadd(StreamKeys.stream(partition), StreamEntryID.NEW_ENTRY,
						Map.of("event", this.codec.encode(event))));
			}
			pipeline.sync();
			// A pipeline keeps Redis's error answers (LOADING after a restart, MISCONF,
			// OOM) in its responses instead of throwing: an event is stored only if its
			// own answer says so, and Meta must hear 200 only then.
			for (Response<StreamEntryID> response : stored) {
				response.get();
			}
		}
		catch (JedisException ex) {
			throw new StorageUnavailableException("Redis did not store the webhook events: " + ex.getMessage(), ex);
		}
	}

	/** Events waiting in all partitions, delivered or not yet acknowledged. */
	public long backlog() {
		long total = 0;
		for (int partition = 0; partition < this.properties.partitions(); partition++) {
			total += this.redis.xlen(StreamKeys.stream(partition));
		}
		return total;
	}

}

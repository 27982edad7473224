package dev.dmbot.server.leads;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.stereotype.Service;

import dev.dmbot.server.system.Ulid;

/**
 * Where qualified leads enter: {@link #record(LeadQualified)} stores the lead and hands
 * it to the CRM webhook in the background. Recording the same event again (same
 * conversation and flow) updates the lead instead of making a second one, and delivers it
 * again only when what the flow collected has changed.
 */
@Service
public class LeadService {

	private final LeadStore store;

	private final LeadDeliverer deliverer;

	private final Clock clock;

	private final Counter qualified;

	LeadService(LeadStore store, LeadDeliverer deliverer, MeterRegistry meters, Clock clock) {
		this.store = store;
		this.deliverer = deliverer;
		this.clock = clock;
		this.qualified = Counter.builder("bot.leads.qualified")
			.description("Leads recorded (a redelivered event is not counted twice)")
			.register(meters);
	}

	/**
	 * Stores the lead and queues its delivery; returns without waiting for the CRM.
	 * @return the lead as stored (the earlier one when the event was seen before)
	 * @throws redis.clients.jedis.exceptions.JedisException when Redis is unreachable:
	 * nothing was stored, so record the event again later
	 */
	public Lead record(LeadQualified event) {
		Instant now = this.clock.instant();
		Instant createdAt = event.qualifiedAt() != null ? event.qualifiedAt() : now;
		Lead lead = new Lead(Ulid.next(createdAt), event.accountId(), event.senderId(), event.conversationId(),
				event.slots(), event.score(), event.tags(), event.source(), LeadStatus.NEW, createdAt, now, 0, null);
		Optional<String> known = this.store.createUnlessKnown(lead,
				this.deliverer.delivers() ? now.toEpochMilli() : null);
		if (known.isEmpty()) {
			this.qualified.increment();
			if (this.deliverer.delivers()) {
				this.deliverer.tryNow(lead.id());
			}
			return lead;
		}
		String id = known.get();
		Lead earlier = this.store.find(id).orElseThrow();
		if (earlier.slots().equals(lead.slots()) && earlier.score() == lead.score()
				&& earlier.tags().equals(lead.tags())) {
			return earlier;
		}
		this.store.updateContent(id, lead.slots(), lead.score(), lead.tags(), now);
		if (this.deliverer.delivers()) {
			this.store.markQueued(id, now);
			this.deliverer.queue(id);
		}
		return this.store.find(id).orElseThrow();
	}

	/** The lead with this id, if it exists and has not outlived {@code retention}. */
	public Optional<Lead> find(String id) {
		return this.store.find(id);
	}

	List<Lead> list(LeadQuery query) {
		return this.store.list(query, this.clock.instant());
	}

	/** Queues the lead for a fresh round of tries, whatever became of it before. */
	Lead redeliver(String id) {
		if (!this.deliverer.delivers()) {
			throw new LeadsNotDeliveredException();
		}
		if (this.store.find(id).isEmpty()) {
			throw new UnknownLeadException(id);
		}
		this.store.markQueued(id, this.clock.instant());
		this.deliverer.queue(id);
		return this.store.find(id).orElseThrow(() -> new UnknownLeadException(id));
	}

	/** Re-queues every dead-lettered lead; returns how many. */
	int replayDeadLetters() {
		if (!this.deliverer.delivers()) {
			throw new LeadsNotDeliveredException();
		}
		int count = 0;
		for (String id : this.store.deadLettered()) {
			if (this.store.find(id).isPresent()) {
				this.store.markQueued(id, this.clock.instant());
				this.deliverer.queue(id);
				count++;
			}
			else {
				this.store.forgetDeadLettered(id);
			}
		}
		return count;
	}

}

package dev.dmbot.server.context;

import java.time.Instant;
import java.util.Map;
import java.util.Set;

import dev.dmbot.server.flows.FlowMemory;

/**
 * What the server knows about one customer of one account.
 *
 * @param firstSeen when the customer first wrote, {@code null} for a new contact
 * @param lastInboundAt when the customer last wrote; Meta's 24-hour window is counted
 * from here
 * @param state the conversation state the rules set last, {@code ""} when none
 * @param unknownStreak how many messages in a row were not understood
 * @param flows the flow in progress, the slots answered and the flows completed
 * @param language the ISO 639-1 code of the language the customer last wrote in (or was
 * answered in, when their message was too short to tell), {@code null} before their first
 * message
 */
public record ConversationContext(String accountId, String senderId, Instant firstSeen, Instant lastInboundAt,
		String state, String lastIntent, long inboundCount, long unknownStreak, Set<String> tags,
		Map<String, String> attributes, FlowMemory flows, String language) {

	public ConversationContext {
		state = state == null ? "" : state;
		tags = Set.copyOf(tags);
		attributes = Map.copyOf(attributes);
		flows = flows == null ? FlowMemory.EMPTY : flows;
	}

	/** A context whose language is not known yet. */
	public ConversationContext(String accountId, String senderId, Instant firstSeen, Instant lastInboundAt,
			String state, String lastIntent, long inboundCount, long unknownStreak, Set<String> tags,
			Map<String, String> attributes, FlowMemory flows) {
		this(accountId, senderId, firstSeen, lastInboundAt, state, lastIntent, inboundCount, unknownStreak, tags,
				attributes, flows, null);
	}

	public static ConversationContext newContact(String accountId, String senderId) {
		return new ConversationContext(accountId, senderId, null, null, "", null, 0, 0, Set.of(), Map.of(),
				FlowMemory.EMPTY);
	}

	/** The same context with other attributes. */
	public ConversationContext withAttributes(Map<String, String> attributes) {
		return new ConversationContext(this.accountId, this.senderId, this.firstSeen, this.lastInboundAt, this.state,
				this.lastIntent, this.inboundCount, this.unknownStreak, this.tags, attributes, this.flows,
				this.language);
	}

	/** The same context with these tags added. */
	public ConversationContext withMoreTags(Set<String> more) {
		Set<String> all = new java.util.LinkedHashSet<>(this.tags);
		all.addAll(more);
		return new ConversationContext(this.accountId, this.senderId, this.firstSeen, this.lastInboundAt, this.state,
				this.lastIntent, this.inboundCount, this.unknownStreak, all, this.attributes, this.flows,
				this.language);
	}

	/** The same context with other flow memory. */
	public ConversationContext withFlows(FlowMemory flows) {
		return new ConversationContext(this.accountId, this.senderId, this.firstSeen, this.lastInboundAt, this.state,
				this.lastIntent, this.inboundCount, this.unknownStreak, this.tags, this.attributes, flows,
				this.language);
	}

	/** The same context with another language. */
	public ConversationContext withLanguage(String language) {
		return new ConversationContext(this.accountId, this.senderId, this.firstSeen, this.lastInboundAt, this.state,
				this.lastIntent, this.inboundCount, this.unknownStreak, this.tags, this.attributes, this.flows,
				language);
	}

	public boolean isNew() {
		return this.firstSeen == null;
	}

}

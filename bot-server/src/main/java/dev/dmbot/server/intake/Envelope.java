package dev.dmbot.server.intake;

/**
 * What every event carries, whatever its kind.
 *
 * @param accountId the Instagram professional account the event belongs to
 * ({@code entry.id})
 * @param senderId the customer's Instagram-scoped id (for echoes, the customer the
 * business wrote to); empty when Meta names nobody
 * @param timestamp when Meta says the event happened, epoch milliseconds
 * @param receivedAt when this server received the delivery, epoch milliseconds
 * @param standby true when the event arrived on the standby channel (another app owns the
 * thread)
 * @param raw Meta's JSON for the item, so that nothing Meta sent is lost
 */
public record Envelope(String accountId, String senderId, long timestamp, long receivedAt, boolean standby,
		String raw) {

	public Envelope {
		accountId = (accountId != null) ? accountId : "";
		senderId = (senderId != null) ? senderId : "";
	}

	/**
	 * The same envelope for another sender: an echo belongs to the customer written to.
	 */
	public Envelope withSender(String other) {
		return new Envelope(this.accountId, other, this.timestamp, this.receivedAt, this.standby, this.raw);
	}

}

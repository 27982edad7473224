package dev.dmbot.server.rules;

public record Decision(String reply, java.util.List<QuickReply> quickReplies, String nextState,
		java.util.Set<String> addTags, boolean escalate, java.util.List<FiredRow> firedRows) {
	public boolean hasReply() {
		return reply != null && !reply.isBlank();
	}
}

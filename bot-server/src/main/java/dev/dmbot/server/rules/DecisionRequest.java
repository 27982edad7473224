package dev.dmbot.server.rules;

public record DecisionRequest(String eventType, String intent, double confidence, String text, String payload,
		String referralRef, String state, java.util.Set<String> tags, long inboundCount,
		java.util.Map<String, String> attributes) {
}

package dev.dmbot.server.rules;

@org.springframework.stereotype.Component
public class DecisionEngine {

	public Decision decide(DecisionRequest r) {
		return new Decision("stub " + r.intent(), java.util.List.of(), null, java.util.Set.of(), false,
				java.util.List.of(new FiredRow("lumen-oak.xlsx", "Replies", 10)));
	}

	public RulesVersion activeVersion() {
		return new RulesVersion("x", java.time.Instant.now(), java.util.List.of());
	}

}

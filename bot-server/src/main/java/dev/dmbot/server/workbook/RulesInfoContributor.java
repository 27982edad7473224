package dev.dmbot.server.workbook;

import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.boot.actuate.info.Info;
import org.springframework.boot.actuate.info.InfoContributor;
import org.springframework.stereotype.Component;

/** Shows the live rules version in {@code /actuator/info}. */
@Component
class RulesInfoContributor implements InfoContributor {

	private final RuleSetActivator activator;

	private final DecisionEngine engine;

	RulesInfoContributor(RuleSetActivator activator, DecisionEngine engine) {
		this.activator = activator;
		this.engine = engine;
	}

	@Override
	public void contribute(Info.Builder builder) {
		Map<String, Object> rules = new LinkedHashMap<>();
		RuleSetVersion version = this.activator.current();
		if (version != null) {
			rules.put("version", version.number());
			rules.put("activatedBy", version.activatedBy());
			rules.put("activatedAt", version.activatedAt().toString());
		}
		rules.put("hash", this.engine.activeVersion().hash());
		rules.put("workbooks", this.engine.activeVersion().workbooks());
		builder.withDetail("rules", rules);
	}

}

package dev.dmbot.server.attribution;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import dev.dmbot.server.workbook.DecisionEngine;
import dev.dmbot.server.workbook.Experiment;
import dev.dmbot.server.workbook.ReplyVariant;
import dev.dmbot.server.platform.redis.RedisRefusedException;
import dev.dmbot.server.platform.redis.RedisUnavailableException;
import dev.dmbot.server.system.BotException;

/**
 * {@code GET /api/admin/experiments}: every A/B-tested reply of the live rules, and any
 * older test that still has figures, with people, sends, replies and conversions per
 * wording. {@code ?account=} narrows it to one Instagram account. Needs an ADMIN or
 * ANALYST token.
 */
@RestController
class ExperimentsController {

	private final DecisionEngine rules;

	private final ExperimentCounts counts;

	ExperimentsController(DecisionEngine rules, ExperimentCounts counts) {
		this.rules = rules;
		this.counts = counts;
	}

	@GetMapping("/api/admin/experiments")
	Map<String, List<ExperimentReport>> experiments(@RequestParam(name = "account", required = false) String account) {
		Map<String, Experiment> live = new LinkedHashMap<>();
		this.rules.live().experiments().values().forEach((experiment) -> live.put(experiment.name(), experiment));
		Map<String, Map<String, Map<String, ExperimentCounts.Counts>>> all = this.counts.all();
		List<ExperimentReport> reports = new ArrayList<>();
		Map<String, Boolean> reported = new LinkedHashMap<>();
		all.forEach((accountId, experiments) -> {
			if (account != null && !account.equals(accountId)) {
				return;
			}
			experiments.forEach((name, variants) -> {
				reports.add(report(accountId, name, live.get(name), variants));
				reported.put(name, true);
			});
		});
		live.values()
			.stream()
			.filter((experiment) -> !reported.containsKey(experiment.name()))
			.forEach((experiment) -> reports.add(report(account, experiment.name(), experiment, Map.of())));
		return Map.of("experiments", reports);
	}

	private static ExperimentReport report(String account, String name, Experiment live,
			Map<String, ExperimentCounts.Counts> counted) {
		List<VariantReport> variants = new ArrayList<>();
		if (live != null) {
			for (ReplyVariant variant : live.variants()) {
				variants.add(VariantReport.of(variant.label(), variant.share(), variant.text(),
						counted.getOrDefault(variant.label(), new ExperimentCounts.Counts())));
			}
		}
		counted.forEach((label, counts) -> {
			if (live == null || live.variant(label).isEmpty()) {
				variants.add(VariantReport.of(label, null, null, counts));
			}
		});
		return new ExperimentReport(account, name, live != null, (live != null) ? live.row().toString() : null,
				variants);
	}

	@ExceptionHandler({ RedisUnavailableException.class, RedisRefusedException.class })
	ResponseEntity<Map<String, String>> redisAway(BotException ex) {
		return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
			.body(Map.of("error", "Redis is unreachable; try again"));
	}

	/**
	 * @param live whether the live rules still test it
	 * @param row where it is written, {@code null} when no longer live
	 */
	record ExperimentReport(String account, String experiment, boolean live, String row, List<VariantReport> variants) {
	}

	/**
	 * @param share the percentage of people given it, {@code null} for a wording no
	 * longer in the rules
	 * @param replyRate replies per send
	 * @param conversionRate conversions per person given the wording
	 */
	record VariantReport(String variant, Integer share, String text, long people, long sends, long replies,
			double replyRate, long conversions, double conversionRate, Map<String, java.math.BigDecimal> value) {

		static VariantReport of(String label, Integer share, String text, ExperimentCounts.Counts counts) {
			return new VariantReport(label, share, text, counts.people, counts.sends, counts.replies,
					rate(counts.replies, counts.sends), counts.conversions, rate(counts.conversions, counts.people),
					counts.value);
		}

		private static double rate(long part, long whole) {
			return (whole == 0) ? 0 : Math.round(1000.0 * part / whole) / 1000.0;
		}

	}

}

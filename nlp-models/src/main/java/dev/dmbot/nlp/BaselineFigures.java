package dev.dmbot.nlp;

import java.util.List;

import dev.dmbot.nlp.IntentExamples.ExampleLine;

/**
 * The {@link BaselineCategorizer}'s figures on the same files as the intent model: its
 * closed-set accuracy on the test file's in-scope lines, its training time, and its
 * median time per message measured the way {@link ClassificationLatency} measures the
 * model's.
 */
record BaselineFigures(double closedSetAccuracy, double trainSeconds, double medianMicros) {

	static BaselineFigures measure(List<ExampleLine> train, List<ExampleLine> test) {
		long start = System.nanoTime();
		BaselineCategorizer baseline = BaselineCategorizer.train(train.stream().map(ExampleLine::example).toList());
		double trainSeconds = (System.nanoTime() - start) / 1e9;
		List<IntentExample> inScope = test.stream()
			.map(ExampleLine::example)
			.filter((example) -> !IntentEvaluator.OUT_OF_SCOPE.equals(example.label()))
			.toList();
		return new BaselineFigures(baseline.accuracy(inScope), trainSeconds, ClassificationLatency
			.medianMicros(inScope.stream().map(IntentExample::text).toList(), baseline::classify));
	}

}

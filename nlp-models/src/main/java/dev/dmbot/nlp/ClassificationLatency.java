package dev.dmbot.nlp;

import java.util.Arrays;
import java.util.List;

/**
 * A quick in-process figure of classification time, for the evaluation report: each
 * message is classified once to warm up, then timed one by one. The JMH benchmark
 * ({@code IntentClassificationBenchmark}) is the figure of record.
 */
final class ClassificationLatency {

	private static final int WARM_UP_ROUNDS = 3;

	private ClassificationLatency() {
	}

	/** Median microseconds to classify one of {@code texts}, on the calling thread. */
	static double medianMicros(IntentModel model, List<String> texts) {
		if (texts.isEmpty()) {
			return Double.NaN;
		}
		double sink = 0;
		for (int round = 0; round < WARM_UP_ROUNDS; round++) {
			for (String text : texts) {
				sink += model.predict(text).probability();
			}
		}
		long[] nanos = new long[texts.size()];
		for (int i = 0; i < nanos.length; i++) {
			long start = System.nanoTime();
			sink += model.predict(texts.get(i)).probability();
			nanos[i] = System.nanoTime() - start;
		}
		if (sink < 0) {
			// Never true; keeps the JIT from dropping the predictions as unused.
			throw new IllegalStateException();
		}
		Arrays.sort(nanos);
		return nanos[nanos.length / 2] / 1000.0;
	}

}

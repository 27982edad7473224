package dev.dmbot.nlp;

import java.util.Arrays;
import java.util.List;
import java.util.function.Function;

/**
 * A quick in-process figure of classification time, for the evaluation report: each
 * message is classified once to warm up, then timed one by one. The JMH benchmark
 * ({@code IntentClassificationBenchmark}) is the figure of record.
 */
final class ClassificationLatency {

	private static final int WARM_UP_ROUNDS = 3;

	private ClassificationLatency() {
	}

	/**
	 * Median microseconds for the model to classify one of {@code texts}, on the calling
	 * thread.
	 */
	static double medianMicros(IntentModel model, List<String> texts) {
		return medianMicros(texts, model::predict);
	}

	/**
	 * Median microseconds of {@code classify} on one of {@code texts}, on the calling
	 * thread.
	 */
	static double medianMicros(List<String> texts, Function<String, ?> classify) {
		if (texts.isEmpty()) {
			return Double.NaN;
		}
		int sink = 0;
		for (int round = 0; round < WARM_UP_ROUNDS; round++) {
			for (String text : texts) {
				sink += classify.apply(text).hashCode();
			}
		}
		long[] nanos = new long[texts.size()];
		for (int i = 0; i < nanos.length; i++) {
			long start = System.nanoTime();
			sink += classify.apply(texts.get(i)).hashCode();
			nanos[i] = System.nanoTime() - start;
		}
		if (sink == 42) {
			// Keeps the JIT from dropping the answers as unused; the print costs nothing.
			System.out.print("");
		}
		Arrays.sort(nanos);
		return nanos[nanos.length / 2] / 1000.0;
	}

}

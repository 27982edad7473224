package dev.dmbot.nlp;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * The words of every training example ({@link IntentFeatures#stemmedWords}), stored after
 * a model's maxent parameters so that {@link WordEvidence} is rebuilt from them on load.
 */
final class TrainingWords {

	/** Marks the section; a model file without it predates it. */
	private static final int MAGIC = 0x444D5457;

	private static final int VERSION = 1;

	private TrainingWords() {
	}

	/** One training example's label and words. */
	record Example(String label, List<String> words) {

		Example {
			words = List.copyOf(words);
		}

	}

	static List<Example> of(List<IntentExample> examples) {
		List<Example> words = new ArrayList<>(examples.size());
		for (IntentExample example : examples) {
			words.add(new Example(example.label(), IntentFeatures.stemmedWords(example.text())));
		}
		return words;
	}

	static void writeTo(DataOutputStream out, List<Example> examples) throws IOException {
		out.writeInt(MAGIC);
		out.writeInt(VERSION);
		out.writeInt(examples.size());
		for (Example example : examples) {
			out.writeUTF(example.label());
			out.writeInt(example.words().size());
			for (String word : example.words()) {
				out.writeUTF(word);
			}
		}
	}

	/**
	 * Reads what {@link #writeTo} wrote; null when the stream ends first, as it does for
	 * a model file written before the words were kept.
	 */
	static List<Example> readFrom(DataInputStream in) throws IOException {
		int magic;
		try {
			magic = in.readInt();
		}
		catch (EOFException ex) {
			return null;
		}
		if (magic != MAGIC) {
			throw new IOException("not an intent model: unexpected bytes after the maxent parameters");
		}
		int version = in.readInt();
		if (version != VERSION) {
			throw new IOException("the intent model's training words are version " + version
					+ " but this build reads version " + VERSION + ": retrain the model with this build");
		}
		int count = in.readInt();
		List<Example> examples = new ArrayList<>(count);
		for (int i = 0; i < count; i++) {
			String label = in.readUTF();
			int words = in.readInt();
			List<String> stems = new ArrayList<>(words);
			for (int j = 0; j < words; j++) {
				stems.add(in.readUTF());
			}
			examples.add(new Example(label, stems));
		}
		return examples;
	}

}

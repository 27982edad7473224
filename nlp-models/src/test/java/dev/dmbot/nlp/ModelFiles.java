package dev.dmbot.nlp;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.IOException;

import opennlp.tools.ml.model.AbstractModel;
import opennlp.tools.ml.model.BinaryFileDataReader;
import opennlp.tools.ml.model.GenericModelReader;

/** What tests need of a model's file. */
final class ModelFiles {

	private ModelFiles() {
	}

	static byte[] bytesOf(IntentModel model) throws IOException {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		model.writeTo(out);
		return out.toByteArray();
	}

	/** The maxent parameters alone: the first part of the model's file. */
	static AbstractModel maxentOf(IntentModel model) throws IOException {
		DataInputStream data = new DataInputStream(new ByteArrayInputStream(bytesOf(model)));
		return new GenericModelReader(new BinaryFileDataReader(data)).getModel();
	}

}

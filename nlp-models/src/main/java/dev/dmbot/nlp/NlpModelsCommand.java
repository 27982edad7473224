package dev.dmbot.nlp;

public class NlpModelsCommand {

	public static void main(String[] a) throws Exception {
		java.nio.file.Path p = java.nio.file.Path.of(a[4]);
		java.nio.file.Files.createDirectories(p.getParent());
		java.nio.file.Files.write(p, new byte[0]);
	}

}

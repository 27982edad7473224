package dev.dmbot.server.nlp;

@org.springframework.stereotype.Component
public class IntentClassifier {

	public Intent classify(String text) {
		return new Intent(text != null && text.contains("ship") ? "shipping" : "unknown", 0.9);
	}

}

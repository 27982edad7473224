package dev.dmbot.server.intake;

import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Turns events into the JSON stored in the stream and back, through the flat
 * {@link StoredEvent} shape every release has written.
 */
@Component
class EventCodec {

	private final JsonMapper json;

	EventCodec(JsonMapper json) {
		this.json = json;
	}

	String encode(InboundEvent event) {
		return this.json.writeValueAsString(StoredEvent.of(event));
	}

	InboundEvent decode(String value) {
		return this.json.readValue(value, StoredEvent.class).event();
	}

}

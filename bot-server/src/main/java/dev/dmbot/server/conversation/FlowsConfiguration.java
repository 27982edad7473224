package dev.dmbot.server.conversation;

import java.time.Clock;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import dev.dmbot.server.entities.Entities;
import dev.dmbot.server.flows.FlowEngine;
import dev.dmbot.server.flows.Responder;

/**
 * The flow engine with this server's zone, phone region and currency, and the responder
 * that lets the decision tables and the flows answer together.
 */
@Configuration(proxyBeanMethods = false)
class FlowsConfiguration {

	@Bean
	FlowEngine flowEngine(Clock clock, FlowsProperties properties) {
		return new FlowEngine(clock, properties.zone(), properties.phoneRegion(), properties.currency());
	}

	/** The parsers that extract the entities of every message, with the same settings. */
	@Bean
	Entities entities(Clock clock, FlowsProperties properties) {
		return Entities.of(clock, properties.zone(), properties.phoneRegion(), properties.currency());
	}

	@Bean
	Responder responder(FlowEngine flowEngine) {
		return new Responder(flowEngine);
	}

}

package dev.dmbot.server;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

import dev.dmbot.server.cli.RulesCommandLine;

/**
 * Starts the Instagram DM automation server, or with {@code validate} or {@code test}
 * checks workbooks without starting it.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class BotServerApplication {

	public static void main(String[] args) {
		if (RulesCommandLine.handles(args)) {
			System.exit(RulesCommandLine.run(args));
		}
		SpringApplication.run(BotServerApplication.class, args);
	}

}

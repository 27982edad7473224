package dev.dmbot.server;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** Starts the Instagram DM automation server. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class BotServerApplication {

	public static void main(String[] args) {
		SpringApplication.run(BotServerApplication.class, args);
	}

}

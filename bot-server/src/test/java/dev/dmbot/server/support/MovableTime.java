package dev.dmbot.server.support;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

/**
 * Gives a server under test a {@link MovableClock} in place of the system clock, so the
 * test can jump past a window, a follow-up's delay or an SLA without sleeping:
 * {@code @Import(MovableTime.class)} on the test class, then {@code @Autowired Clock}
 * cast to {@link MovableClock}.
 */
@TestConfiguration(proxyBeanMethods = false)
public class MovableTime {

	@Bean
	@Primary
	MovableClock movableClock() {
		return new MovableClock();
	}

}

package dev.dmbot.server.platform.redis;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.support.StaticListableBeanFactory;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.web.servlet.HandlerExceptionResolver;
import org.springframework.web.servlet.ModelAndView;
import redis.clients.jedis.exceptions.JedisConnectionException;
import redis.clients.jedis.exceptions.JedisDataException;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A Jedis exception leaving a controller reaches the exception handlers as the server's
 * own transient or permanent Redis failure; anything else is left alone.
 */
class RedisFailureResolverTest {

	final List<Exception> handed = new ArrayList<>();

	final HandlerExceptionResolver handlers = (request, response, handler, ex) -> {
		this.handed.add(ex);
		return new ModelAndView();
	};

	final RedisFailureResolver resolver = new RedisFailureResolver(
			new StaticListableBeanFactory(java.util.Map.of("handlerExceptionResolver", this.handlers))
				.getBeanProvider(HandlerExceptionResolver.class));

	@Test
	void anUnreachableRedisReachesTheHandlersAsUnavailable() {
		ModelAndView answer = resolve(new JedisConnectionException("Connection refused"));

		assertThat(answer).isNotNull();
		assertThat(this.handed).singleElement().isInstanceOf(RedisUnavailableException.class);
		assertThat(this.handed.get(0)).hasRootCauseInstanceOf(JedisConnectionException.class);
	}

	@Test
	void aRefusedCommandCarriedAsACauseReachesTheHandlersAsRefused() {
		resolve(new IllegalStateException("wrapped", new JedisDataException("WRONGTYPE Operation against a key")));

		assertThat(this.handed).singleElement().isInstanceOf(RedisRefusedException.class);
	}

	@Test
	void otherExceptionsAreLeftToTheUsualResolvers() {
		assertThat(resolve(new IllegalArgumentException("bad"))).isNull();
		assertThat(this.handed).isEmpty();
	}

	private ModelAndView resolve(Exception ex) {
		return this.resolver.resolveException(new MockHttpServletRequest("GET", "/api/admin/leads"),
				new MockHttpServletResponse(), null, ex);
	}

}

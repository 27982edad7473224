package dev.dmbot.server.platform.redis;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.core.Ordered;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.HandlerExceptionResolver;
import org.springframework.web.servlet.ModelAndView;
import redis.clients.jedis.exceptions.JedisException;

/**
 * Lets controllers see the server's own exceptions for a Redis failure, never a Jedis
 * one: a {@link JedisException} (or one carried as a cause) that leaves a controller is
 * translated by {@link RedisFailures} into a {@link RedisUnavailableException} or a
 * {@link RedisRefusedException} and handed to the usual {@code @ExceptionHandler}
 * methods. If none handles it, the original exception goes on as before.
 */
@Component
class RedisFailureResolver implements HandlerExceptionResolver, Ordered {

	private final ObjectProvider<HandlerExceptionResolver> handlers;

	RedisFailureResolver(@Qualifier("handlerExceptionResolver") ObjectProvider<HandlerExceptionResolver> handlers) {
		this.handlers = handlers;
	}

	@Override
	public ModelAndView resolveException(HttpServletRequest request, HttpServletResponse response, Object handler,
			Exception ex) {
		JedisException jedis = jedisCause(ex);
		HandlerExceptionResolver resolvers = this.handlers.getIfAvailable();
		if (jedis == null || resolvers == null) {
			return null;
		}
		return resolvers.resolveException(request, response, handler,
				RedisFailures.translate(request.getMethod() + " " + request.getRequestURI(), jedis));
	}

	private static JedisException jedisCause(Throwable ex) {
		for (Throwable cause = ex; cause != null; cause = (cause.getCause() == cause) ? null : cause.getCause()) {
			if (cause instanceof JedisException jedis) {
				return jedis;
			}
		}
		return null;
	}

	@Override
	public int getOrder() {
		return Ordered.HIGHEST_PRECEDENCE;
	}

}

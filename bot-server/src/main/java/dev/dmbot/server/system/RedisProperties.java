package dev.dmbot.server.system;

import java.net.URI;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where the server keeps all of its state.
 *
 * @param url {@code redis://[user:password@]host:port[/db]}; when unset the server starts
 * an embedded redis-server so a newcomer needs nothing installed
 * @param poolSize connections per instance; every intake partition holds one while it
 * blocks on its stream
 */
@ConfigurationProperties("bot.redis")
public record RedisProperties(URI url, @DefaultValue("64") int poolSize) {

	public RedisProperties {
		if (url != null && !"redis".equals(url.getScheme()) && !"rediss".equals(url.getScheme())) {
			throw new IllegalArgumentException(
					"bot.redis.url must start with redis:// or rediss://, but was '" + url.getScheme() + "://...'");
		}
		if (poolSize < 8) {
			throw new IllegalArgumentException("bot.redis.pool-size must be at least 8, but was " + poolSize);
		}
	}

	public boolean embedded() {
		return url == null;
	}

}

package dev.dmbot.server.system;

import java.net.URI;
import java.time.Duration;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import redis.clients.jedis.ConnectionPoolConfig;
import redis.clients.jedis.DefaultJedisClientConfig;
import redis.clients.jedis.HostAndPort;
import redis.clients.jedis.JedisClientConfig;
import redis.clients.jedis.RedisClient;
import redis.clients.jedis.UnifiedJedis;

/**
 * One pooled Jedis client shared by every feature; an embedded server when no URL is
 * configured.
 */
@Configuration(proxyBeanMethods = false)
class RedisConfiguration {

	@Bean(destroyMethod = "close")
	EmbeddedRedisServerHolder embeddedRedisServer(RedisProperties properties) {
		return new EmbeddedRedisServerHolder(properties.embedded() ? new EmbeddedRedisServer() : null);
	}

	@Bean(destroyMethod = "close")
	UnifiedJedis redis(RedisProperties properties, ObjectProvider<EmbeddedRedisServerHolder> embedded) {
		URI url = properties.embedded() ? URI.create("redis://127.0.0.1:" + embedded.getObject().server().port())
				: properties.url();
		ConnectionPoolConfig pool = new ConnectionPoolConfig();
		pool.setMaxTotal(properties.poolSize());
		pool.setMaxIdle(properties.poolSize());
		pool.setMaxWait(Duration.ofSeconds(2));
		JedisClientConfig config = clientConfig(url);
		return RedisClient.builder()
			.hostAndPort(new HostAndPort(url.getHost(), url.getPort() == -1 ? 6379 : url.getPort()))
			.clientConfig(config)
			.poolConfig(pool)
			.build();
	}

	private static JedisClientConfig clientConfig(URI url) {
		DefaultJedisClientConfig.Builder builder = DefaultJedisClientConfig.builder()
			.ssl("rediss".equals(url.getScheme()))
			.connectionTimeoutMillis(2000)
			.socketTimeoutMillis(5000)
			.clientName("dmbot");
		String userInfo = url.getUserInfo();
		if (userInfo != null) {
			int colon = userInfo.indexOf(':');
			if (colon >= 0) {
				if (colon > 0) {
					builder.user(userInfo.substring(0, colon));
				}
				builder.password(userInfo.substring(colon + 1));
			}
			else {
				builder.password(userInfo);
			}
		}
		String path = url.getPath();
		if (path != null && path.length() > 1) {
			builder.database(Integer.parseInt(path.substring(1)));
		}
		return builder.build();
	}

}

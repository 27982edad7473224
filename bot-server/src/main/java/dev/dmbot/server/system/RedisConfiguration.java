package dev.dmbot.server.system;

import java.net.URI;
import java.time.Duration;
import java.util.HashSet;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import redis.clients.jedis.ConnectionPoolConfig;
import redis.clients.jedis.DefaultJedisClientConfig;
import redis.clients.jedis.HostAndPort;
import redis.clients.jedis.JedisClientConfig;
import redis.clients.jedis.RedisClient;
import redis.clients.jedis.RedisClusterClient;
import redis.clients.jedis.RedisSentinelClient;
import redis.clients.jedis.UnifiedJedis;

/**
 * One pooled Jedis client shared by every feature: a single server, a Sentinel-watched
 * primary or a Redis Cluster, all behind {@link UnifiedJedis}; an embedded server when
 * none is configured.
 */
@Configuration(proxyBeanMethods = false)
class RedisConfiguration {

	private static final Logger log = LoggerFactory.getLogger(RedisConfiguration.class);

	@Bean(destroyMethod = "close")
	EmbeddedRedisServerHolder embeddedRedisServer(RedisProperties properties) {
		if (!properties.embedded()) {
			return new EmbeddedRedisServerHolder(null);
		}
		return new EmbeddedRedisServerHolder(
				properties.embeddedDataDir().map(EmbeddedRedisServer::new).orElseGet(EmbeddedRedisServer::new));
	}

	@Bean
	RedisRoundTrips redisRoundTrips(MeterRegistry meters) {
		RedisRoundTrips roundTrips = new RedisRoundTrips();
		roundTrips.register(meters);
		return roundTrips;
	}

	@Bean(destroyMethod = "close")
	UnifiedJedis redis(RedisProperties properties, ObjectProvider<EmbeddedRedisServerHolder> embedded,
			RedisRoundTrips roundTrips) {
		ConnectionPoolConfig pool = new ConnectionPoolConfig();
		pool.setMaxTotal(properties.poolSize());
		pool.setMaxIdle(properties.poolSize());
		pool.setMaxWait(Duration.ofSeconds(2));
		if (properties.sentinel().configured()) {
			RedisProperties.Sentinel sentinel = properties.sentinel();
			log.info("Redis: primary '{}' through the sentinels {}", sentinel.master(), sentinel.nodes());
			return RedisSentinelClient.builder()
				.masterName(sentinel.master())
				.sentinels(new HashSet<>(
						RedisProperties.hostsAndPorts("bot.redis.sentinel.nodes", sentinel.nodes(), 26379)))
				.clientConfig(nodeConfig(properties, sentinel.database()))
				.sentinelClientConfig(sentinelConfig(sentinel))
				.poolConfig(pool)
				.build();
		}
		if (properties.cluster().configured()) {
			RedisProperties.Cluster cluster = properties.cluster();
			log.info("Redis: cluster through {}", cluster.nodes());
			return RedisClusterClient.builder()
				.nodes(new HashSet<>(RedisProperties.hostsAndPorts("bot.redis.cluster.nodes", cluster.nodes(), 6379)))
				.maxAttempts(cluster.maxAttempts())
				.clientConfig(nodeConfig(properties, 0))
				.poolConfig(pool)
				.build();
		}
		URI url = properties.embedded() ? URI.create("redis://127.0.0.1:" + embedded.getObject().server().port())
				: properties.url();
		JedisClientConfig config = clientConfig(url);
		HostAndPort server = new HostAndPort(url.getHost(), url.getPort() == -1 ? 6379 : url.getPort());
		return RedisClient.builder()
			.hostAndPort(server)
			.clientConfig(config)
			.poolConfig(pool)
			.connectionProvider(roundTrips.pool(server, config, pool))
			.build();
	}

	private static JedisClientConfig nodeConfig(RedisProperties properties, int database) {
		DefaultJedisClientConfig.Builder builder = DefaultJedisClientConfig.builder()
			.ssl(properties.ssl())
			.connectionTimeoutMillis(2000)
			.socketTimeoutMillis(5000)
			.clientName("dmbot")
			.database(database);
		if (properties.username() != null && !properties.username().isBlank()) {
			builder.user(properties.username());
		}
		if (properties.password() != null && !properties.password().isEmpty()) {
			builder.password(properties.password());
		}
		return builder.build();
	}

	private static JedisClientConfig sentinelConfig(RedisProperties.Sentinel sentinel) {
		DefaultJedisClientConfig.Builder builder = DefaultJedisClientConfig.builder()
			.connectionTimeoutMillis(2000)
			.socketTimeoutMillis(5000)
			.clientName("dmbot-sentinel")
			// Sentinels are talked to by plain Jedis, which speaks RESP2 only.
			.autoNegotiateProtocol(false);
		if (sentinel.sentinelUsername() != null && !sentinel.sentinelUsername().isBlank()) {
			builder.user(sentinel.sentinelUsername());
		}
		if (sentinel.sentinelPassword() != null && !sentinel.sentinelPassword().isEmpty()) {
			builder.password(sentinel.sentinelPassword());
		}
		return builder.build();
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

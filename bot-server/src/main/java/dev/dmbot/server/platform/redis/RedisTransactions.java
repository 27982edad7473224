package dev.dmbot.server.platform.redis;

import redis.clients.jedis.AbstractTransaction;
import redis.clients.jedis.RedisClient;
import redis.clients.jedis.RedisClusterClient;
import redis.clients.jedis.UnifiedJedis;
import redis.clients.jedis.util.JedisClusterCRC16;

/**
 * Transactions on every deployment: on a single server and on a Redis Cluster one script
 * ({@link ScriptedTransaction}), one round trip and one command; through Sentinel Jedis's
 * {@code MULTI}/{@code EXEC}. Jedis's cluster client refuses {@code multi()}, because a
 * transaction must run on the one node that holds all of its keys; a conversation's keys
 * share the hash tag {@code {account:sender}}, so its transaction is opened on the
 * connection of that tag's slot.
 * <p>
 * Close the transaction (try-with-resources) to give the connection back.
 */
public final class RedisTransactions {

	private RedisTransactions() {
	}

	/**
	 * A transaction over the keys of one conversation, {@code bot:{account:sender}:…}.
	 */
	public static AbstractTransaction forConversation(UnifiedJedis redis, String accountId, String senderId) {
		return forHashTag(redis, accountId + ":" + senderId);
	}

	/**
	 * A transaction over keys that all carry the hash tag {@code {tag}}, such as
	 * {@code bot:{privacy}:…}.
	 */
	public static AbstractTransaction forHashTag(UnifiedJedis redis, String tag) {
		if (redis instanceof RedisClusterClient cluster) {
			int slot = JedisClusterCRC16.getSlot("{" + tag + "}");
			// The connection goes back to its pool on close.
			return new ScriptedTransaction(cluster.getConnectionFromSlot(slot));
		}
		if (redis instanceof RedisClient client) {
			return new ScriptedTransaction(client.getPool().getResource());
		}
		return redis.multi();
	}

}

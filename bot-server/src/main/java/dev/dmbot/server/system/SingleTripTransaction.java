package dev.dmbot.server.system;

import java.util.ArrayList;
import java.util.LinkedList;
import java.util.List;
import java.util.Queue;

import redis.clients.jedis.AbstractTransaction;
import redis.clients.jedis.CommandObject;
import redis.clients.jedis.CommandObjects;
import redis.clients.jedis.Connection;
import redis.clients.jedis.Protocol;
import redis.clients.jedis.RedisProtocol;
import redis.clients.jedis.Response;
import redis.clients.jedis.exceptions.JedisDataException;

/**
 * {@code MULTI}, the queued commands and {@code EXEC} written at once and answered at
 * once: one round trip. Jedis's own transaction reads the {@code QUEUED} answers before
 * it sends {@code EXEC}, which costs a second round trip for nothing, since no command
 * here depends on another's {@code QUEUED}. No {@code WATCH}: a conversation's keys are
 * written by the one worker that holds its partition.
 */
final class SingleTripTransaction extends AbstractTransaction {

	private final Connection connection;

	private final Queue<Response<?>> responses = new LinkedList<>();

	private boolean inMulti;

	SingleTripTransaction(Connection connection) {
		super(new CommandObjects(RedisProtocol.orServerDefault(connection.getRedisProtocol())));
		this.connection = connection;
		multi();
	}

	@Override
	public void multi() {
		this.connection.sendCommand(Protocol.Command.MULTI);
		this.inMulti = true;
	}

	@Override
	public String watch(String... keys) {
		throw new UnsupportedOperationException("WATCH is not sent in a single-trip transaction");
	}

	@Override
	public String watch(byte[]... keys) {
		throw new UnsupportedOperationException("WATCH is not sent in a single-trip transaction");
	}

	@Override
	public String unwatch() {
		throw new UnsupportedOperationException("WATCH is not sent in a single-trip transaction");
	}

	@Override
	protected <T> Response<T> appendCommand(CommandObject<T> command) {
		this.connection.sendCommand(command.getArguments());
		Response<T> response = new Response<>(command.getBuilder());
		this.responses.add(response);
		return response;
	}

	@Override
	public List<Object> exec() {
		if (!this.inMulti) {
			throw new IllegalStateException("EXEC without MULTI");
		}
		this.inMulti = false;
		this.connection.sendCommand(Protocol.Command.EXEC);
		// MULTI's OK, one QUEUED per command, then EXEC's answer.
		List<Object> replies = this.connection.getMany(2 + this.responses.size());
		Object executed = replies.get(replies.size() - 1);
		if (executed instanceof JedisDataException refused) {
			// EXECABORT: a command was refused while queued; say which.
			replies.stream()
				.filter(JedisDataException.class::isInstance)
				.filter((reply) -> reply != refused)
				.findFirst()
				.ifPresent((cause) -> refused.addSuppressed((JedisDataException) cause));
			this.responses.clear();
			throw refused;
		}
		if (!(executed instanceof List<?> results)) {
			this.responses.clear();
			return null;
		}
		List<Object> formatted = new ArrayList<>(results.size());
		for (Object result : results) {
			Response<?> response = this.responses.poll();
			response.set(result);
			try {
				formatted.add(response.get());
			}
			catch (JedisDataException ex) {
				formatted.add(ex);
			}
		}
		return formatted;
	}

	@Override
	public String discard() {
		if (!this.inMulti) {
			throw new IllegalStateException("DISCARD without MULTI");
		}
		this.inMulti = false;
		this.connection.sendCommand(Protocol.Command.DISCARD);
		List<Object> replies = this.connection.getMany(2 + this.responses.size());
		this.responses.clear();
		return String.valueOf(replies.get(replies.size() - 1));
	}

	@Override
	public void close() {
		try {
			if (this.inMulti && !this.connection.isBroken()) {
				discard();
			}
		}
		finally {
			this.connection.close();
		}
	}

}

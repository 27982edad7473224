package dev.dmbot.server.platform.redis;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import redis.clients.jedis.AbstractTransaction;
import redis.clients.jedis.CommandArguments;
import redis.clients.jedis.CommandObject;
import redis.clients.jedis.CommandObjects;
import redis.clients.jedis.Connection;
import redis.clients.jedis.Protocol;
import redis.clients.jedis.RedisProtocol;
import redis.clients.jedis.Response;
import redis.clients.jedis.args.Rawable;
import redis.clients.jedis.exceptions.JedisDataException;

/**
 * A transaction sent as one script: the queued commands travel in a single {@code EVAL}
 * that runs them in order, instead of {@code MULTI}, the commands and {@code EXEC}. It is
 * as atomic (a script runs alone) and one round trip too, and it is one command where a
 * transaction is two more, which Redis counts and executes like any other.
 * <p>
 * It answers as {@code EXEC} does: each command's reply reaches its {@link Response}, and
 * a command Redis refuses at run time (a wrong type) answers its error while the others
 * still run. A write refused for want of memory, which comes before anything is written
 * (after a first write Redis lets the rest of a script through), refuses the whole
 * transaction, as {@code EXEC} refuses one whose command was refused while queued. All
 * keys are declared, so a Redis Cluster node checks they are its own; they must share a
 * hash slot, as a transaction's must. No {@code WATCH}.
 * <p>
 * Close it (try-with-resources) to give the connection back.
 */
final class ScriptedTransaction extends AbstractTransaction {

	/**
	 * ARGV: each command as its number of arguments followed by them. The script sees
	 * replies in RESP2 (a missing value is {@code false}, which a table can hold where
	 * RESP3's {@code nil} would leave a hole), and so are they parsed here, whatever the
	 * connection speaks.
	 */
	static final String SCRIPT = """
			local replies, i = {}, 1
			while i <= #ARGV do
				local n = tonumber(ARGV[i])
				local reply = redis.pcall(unpack(ARGV, i + 1, i + n))
				if type(reply) == 'table' and type(reply.err) == 'string'
						and string.find(reply.err, 'OOM command not allowed', 1, true) then
					return reply
				end
				replies[#replies + 1] = reply
				i = i + n + 1
			end
			return replies
			""";

	private final Connection connection;

	private final List<CommandArguments> commands = new ArrayList<>();

	private final List<Response<?>> responses = new ArrayList<>();

	private boolean open = true;

	/** A transaction on a connection taken for it, given back on {@link #close()}. */
	ScriptedTransaction(Connection connection) {
		super(new CommandObjects(RedisProtocol.RESP2));
		this.connection = connection;
	}

	@Override
	public void multi() {
		// Open from the start: nothing goes to Redis before exec().
	}

	@Override
	public String watch(String... keys) {
		throw new UnsupportedOperationException("WATCH is not sent in a scripted transaction");
	}

	@Override
	public String watch(byte[]... keys) {
		throw new UnsupportedOperationException("WATCH is not sent in a scripted transaction");
	}

	@Override
	public String unwatch() {
		throw new UnsupportedOperationException("WATCH is not sent in a scripted transaction");
	}

	@Override
	protected <T> Response<T> appendCommand(CommandObject<T> command) {
		if (!this.open) {
			throw new IllegalStateException("The transaction was already sent or discarded");
		}
		Response<T> response = new Response<>(command.getBuilder());
		this.commands.add(command.getArguments());
		this.responses.add(response);
		return response;
	}

	@Override
	public List<Object> exec() {
		if (!this.open) {
			throw new IllegalStateException("EXEC of a transaction already sent or discarded");
		}
		this.open = false;
		if (this.commands.isEmpty()) {
			return List.of();
		}
		this.connection.sendCommand(script());
		// An error reply (the memory refusal, or a script Redis would not run) is thrown.
		Object executed = this.connection.getOne();
		if (!(executed instanceof List<?> results) || results.size() != this.responses.size()) {
			throw new JedisDataException(
					"A scripted transaction of " + this.responses.size() + " commands was answered with " + executed);
		}
		List<Object> formatted = new ArrayList<>(results.size());
		for (int i = 0; i < results.size(); i++) {
			Response<?> response = this.responses.get(i);
			response.set(results.get(i));
			try {
				formatted.add(response.get());
			}
			catch (JedisDataException ex) {
				formatted.add(ex);
			}
		}
		return formatted;
	}

	private CommandArguments script() {
		Set<Object> keys = new LinkedHashSet<>();
		this.commands.forEach((command) -> keys.addAll(command.getKeys()));
		CommandArguments eval = new CommandArguments(Protocol.Command.EVAL).add(SCRIPT).add(keys.size());
		keys.forEach(eval::add);
		for (CommandArguments command : this.commands) {
			eval.add(command.size());
			for (Rawable argument : command) {
				eval.add(argument);
			}
		}
		return eval;
	}

	@Override
	public String discard() {
		if (!this.open) {
			throw new IllegalStateException("DISCARD of a transaction already sent or discarded");
		}
		this.open = false;
		this.commands.clear();
		this.responses.clear();
		return "OK";
	}

	@Override
	public void close() {
		this.open = false;
		this.connection.close();
	}

}

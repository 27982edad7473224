package dev.dmbot.server.escalation;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import dev.dmbot.server.support.HttpCalls;

/** Calls a running server's agent and admin APIs with a bearer token (none when null). */
final class AgentApi {

	private final HttpClient http = HttpClient.newHttpClient();

	private final JsonMapper json = JsonMapper.builder().build();

	private final int port;

	AgentApi(int port) {
		this.port = port;
	}

	HttpResponse<String> get(String path, String token) {
		return HttpCalls.send(this.http, request(path, token).GET());
	}

	HttpResponse<String> post(String path, String token, String body) {
		HttpRequest.Builder request = request(path, token);
		if (body == null) {
			request.POST(HttpRequest.BodyPublishers.noBody());
		}
		else {
			request.header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body));
		}
		return HttpCalls.send(this.http, request);
	}

	/** Issues a token with the bootstrap admin's token; {@code accounts} may be null. */
	String issue(String adminToken, String name, String role, String accountsJson) {
		HttpResponse<String> created = post("/api/admin/tokens", adminToken, "{\"name\":\"" + name + "\",\"role\":\""
				+ role + "\"" + (accountsJson == null ? "" : ",\"accounts\":" + accountsJson) + "}");
		if (created.statusCode() != 201) {
			throw new IllegalStateException(created.statusCode() + " " + created.body());
		}
		return json(created).path("token").asString();
	}

	JsonNode json(HttpResponse<String> response) {
		return this.json.readTree(response.body());
	}

	HttpRequest.Builder request(String path, String token) {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url(path)));
		if (token != null) {
			request.header("Authorization", "Bearer " + token);
		}
		return request;
	}

	String url(String path) {
		return "http://127.0.0.1:" + this.port + path;
	}

	HttpClient http() {
		return this.http;
	}

}

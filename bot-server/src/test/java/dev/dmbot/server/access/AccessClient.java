package dev.dmbot.server.access;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import dev.dmbot.server.support.HttpCalls;

/** Calls a running server's HTTP API with a bearer token, or none when it is null. */
final class AccessClient {

	private final HttpClient http = HttpClient.newHttpClient();

	private final int port;

	AccessClient(int port) {
		this.port = port;
	}

	HttpResponse<String> get(String path, String token) {
		return send(request(path, token).GET());
	}

	HttpResponse<String> post(String path, String token, String json) {
		return send(request(path, token).header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(json)));
	}

	HttpResponse<String> put(String path, String token, byte[] body) {
		return send(request(path, token).header("Content-Type", "application/octet-stream")
			.PUT(HttpRequest.BodyPublishers.ofByteArray(body)));
	}

	HttpResponse<String> delete(String path, String token) {
		return send(request(path, token).DELETE());
	}

	HttpResponse<String> send(HttpRequest.Builder request) {
		return HttpCalls.send(this.http, request);
	}

	HttpRequest.Builder request(String path, String token) {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.port + path));
		if (token != null) {
			request.header("Authorization", "Bearer " + token);
		}
		return request;
	}

}

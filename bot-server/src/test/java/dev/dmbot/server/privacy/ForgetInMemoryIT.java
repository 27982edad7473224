package dev.dmbot.server.privacy;

import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import redis.clients.jedis.UnifiedJedis;

import dev.dmbot.server.profile.ProfileCache;
import dev.dmbot.server.support.MetaApiStub;
import dev.dmbot.server.support.WebhookPayloads;
import dev.dmbot.server.profile.ProfileKeys;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A person erased on another instance is forgotten here too: the profile this instance
 * keeps in memory is dropped within the poll interval, so it is asked of Meta again
 * rather than served from memory.
 */
@SpringBootTest(properties = { "bot.rules.watch=false", "bot.privacy.poll-interval=50ms" })
class ForgetInMemoryIT {

	static final MetaApiStub meta = new MetaApiStub();

	@DynamicPropertySource
	static void properties(DynamicPropertyRegistry registry) {
		meta.register(registry);
	}

	@Autowired
	ProfileCache profiles;

	@Autowired
	UnifiedJedis redis;

	@Test
	void aProfileHeldInMemoryIsForgottenWhenAnotherInstanceErasesThePerson() {
		String account = WebhookPayloads.ACCOUNT;
		String sender = WebhookPayloads.newSender();
		meta.server()
			.stubFor(get(urlPathEqualTo("/v25.0/" + sender))
				.willReturn(okJson("{\"name\":\"Ana Costa\",\"username\":\"ana.costa\",\"id\":\"" + sender + "\"}")));
		assertThat(this.profiles.find(account, sender)).isPresent();
		// Another instance erases the person: the Redis copy goes, this instance's memory
		// still has it.
		this.redis.del(ProfileKeys.profile(account, sender));
		assertThat(this.profiles.find(account, sender)).isPresent();
		assertThat(profileCalls(sender)).isEqualTo(1);

		this.redis.zadd(PrivacyKeys.FORGET, System.currentTimeMillis(), account + ":" + sender);

		await().atMost(Duration.ofSeconds(10)).until(() -> {
			this.profiles.find(account, sender);
			return profileCalls(sender) == 2;
		});
	}

	private static int profileCalls(String sender) {
		return meta.server().findAll(getRequestedFor(urlPathEqualTo("/v25.0/" + sender))).size();
	}

}

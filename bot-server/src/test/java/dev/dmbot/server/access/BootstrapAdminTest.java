package dev.dmbot.server.access;

import java.net.URI;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import dev.dmbot.server.system.MetaProperties;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

@ExtendWith(OutputCaptureExtension.class)
class BootstrapAdminTest {

	static final String CONFIGURED = "k4Jq9-configured-admin-token";

	@Test
	void sandboxWithoutAConfiguredTokenAcceptsTheDocumentedSandboxToken() {
		BootstrapAdmin admin = new BootstrapAdmin(new AccessProperties(null), sandbox());

		assertThat(admin.matches(AccessProperties.SANDBOX_ADMIN_TOKEN)).isTrue();
		assertThat(admin.matches("sandbox-admin-token ")).isFalse();
	}

	@Test
	void configuredTokenReplacesTheSandboxToken() {
		BootstrapAdmin admin = new BootstrapAdmin(new AccessProperties(CONFIGURED), sandbox());

		assertThat(admin.matches(CONFIGURED)).isTrue();
		assertThat(admin.matches(AccessProperties.SANDBOX_ADMIN_TOKEN)).isFalse();
		assertThat(admin.matches(CONFIGURED.substring(1))).isFalse();
	}

	@Test
	void liveServerWithoutAConfiguredTokenLocksTheAdminApiAndSaysSo(CapturedOutput output) {
		BootstrapAdmin admin = new BootstrapAdmin(new AccessProperties(null), live());

		assertThat(admin.matches(AccessProperties.SANDBOX_ADMIN_TOKEN)).isFalse();
		assertThat(admin.matches("")).isFalse();
		assertThat(output).contains("WARN").contains("bot.security.admin-token is not set");
	}

	@Test
	void liveServerRefusesTheDocumentedSandboxToken() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new BootstrapAdmin(new AccessProperties(AccessProperties.SANDBOX_ADMIN_TOKEN), live()))
			.withMessageContaining("bot.security.admin-token must not be the documented sandbox token");
	}

	@Test
	void liveServerAcceptsItsConfiguredToken(CapturedOutput output) {
		BootstrapAdmin admin = new BootstrapAdmin(new AccessProperties(CONFIGURED), live());

		assertThat(admin.matches(CONFIGURED)).isTrue();
		assertThat(output).doesNotContain("locked").doesNotContain(CONFIGURED);
	}

	private static MetaProperties sandbox() {
		return new MetaProperties(null, null, null, null, null, URI.create("https://graph.instagram.com/v25.0"));
	}

	private static MetaProperties live() {
		return new MetaProperties("app-secret", null, null, "access-token", "1784",
				URI.create("https://graph.instagram.com/v25.0"));
	}

}

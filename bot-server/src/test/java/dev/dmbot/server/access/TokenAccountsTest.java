package dev.dmbot.server.access;

import java.util.Arrays;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/** AGENT and ANALYST tokens may be bound to Instagram accounts; nothing else may be. */
class TokenAccountsTest {

	@Test
	void anAgentTokenIsBoundToDistinctAccountIds() {
		assertThat(TokenController.accounts(List.of(" 17841405822304914", "17841400000000999", "17841405822304914"),
				Role.AGENT))
			.containsExactly("17841405822304914", "17841400000000999");
		assertThat(TokenController.accounts(null, Role.AGENT)).isEmpty();
		assertThat(TokenController.accounts(List.of(), Role.ADMIN)).isEmpty();
		assertThat(TokenController.accounts(List.of("17841405822304914"), Role.ANALYST))
			.containsExactly("17841405822304914");
	}

	@Test
	void otherRolesAndWhatIsNotAnAccountIdAreRefused() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> TokenController.accounts(List.of("17841405822304914"), Role.INTEGRATION))
			.withMessageContaining("AGENT or ANALYST")
			.withMessageContaining("INTEGRATION");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> TokenController.accounts(List.of("17841405822304914"), Role.ADMIN))
			.withMessageContaining("ADMIN token sees every account");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> TokenController.accounts(Arrays.asList("17841405822304914", null), Role.AGENT))
			.withMessageContaining("null");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> TokenController.accounts(List.of("@lumen.and.oak"), Role.AGENT))
			.withMessageContaining("'@lumen.and.oak'");
	}

	@Test
	void theCallerSeesItsAccountsOrAllWhenItIsNotBound() {
		Caller bound = Caller.of(TokenAuthentication.authenticated("ana", Role.AGENT, Set.of("1784")));
		Caller free = Caller.of(TokenAuthentication.authenticated("rui", Role.AGENT));

		assertThat(bound.sees("1784")).isTrue();
		assertThat(bound.sees("9999")).isFalse();
		assertThat(free.sees("9999")).isTrue();
		assertThat(bound.name()).isEqualTo("ana");
		assertThat(bound.role()).isEqualTo(Role.AGENT);
	}

}

package dev.dmbot.server.access;

import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;

import static org.assertj.core.api.Assertions.assertThat;

class AccessPolicyTest {

	@Test
	void onlyAdminsManageTokens() {
		for (String path : new String[] { "/api/admin/tokens", "/api/admin/tokens/analyst-1" }) {
			assertThat(AccessPolicy.requiredRoles(request("POST", path))).containsExactly(Role.ADMIN);
		}
		assertThat(AccessPolicy.allows(Role.ANALYST, request("GET", "/api/admin/tokens"))).isFalse();
		assertThat(AccessPolicy.allows(Role.AGENT, request("DELETE", "/api/admin/tokens/x"))).isFalse();
	}

	@Test
	void analystsAndAdminsUseTheRestOfTheAdminApiButAgentsCannotUploadRules() {
		MockHttpServletRequest upload = request("PUT", "/api/admin/rules/lumen-oak.xlsx");

		assertThat(AccessPolicy.allows(Role.ANALYST, upload)).isTrue();
		assertThat(AccessPolicy.allows(Role.ADMIN, upload)).isTrue();
		assertThat(AccessPolicy.allows(Role.AGENT, upload)).isFalse();
		assertThat(AccessPolicy.requiredRoles(request("GET", "/api/admin"))).containsExactly(Role.ADMIN, Role.ANALYST);
	}

	@Test
	void agentsAndAdminsUseTheAgentApiButAnalystsDoNot() {
		MockHttpServletRequest inbox = request("GET", "/api/agent/inbox");

		assertThat(AccessPolicy.allows(Role.AGENT, inbox)).isTrue();
		assertThat(AccessPolicy.allows(Role.ADMIN, inbox)).isTrue();
		assertThat(AccessPolicy.allows(Role.ANALYST, inbox)).isFalse();
	}

	@Test
	void agentsAndAdminsAndNobodyElseUseTheEscalationsApi() {
		for (String path : new String[] { "/api/escalations", "/api/escalations/stream",
				"/api/escalations/01JZ4Q3V9K6M2N8P0R5S7T1W3X/replies" }) {
			assertThat(AccessPolicy.requiredRoles(request("POST", path))).as(path)
				.containsExactly(Role.ADMIN, Role.AGENT);
			assertThat(AccessPolicy.PROTECTED.matches(request("GET", path))).as(path).isTrue();
		}
		assertThat(AccessPolicy.allows(Role.ANALYST, request("GET", "/api/escalations"))).isFalse();
		assertThat(AccessPolicy.allows(Role.INTEGRATION, request("GET", "/api/escalations"))).isFalse();
		assertThat(AccessPolicy.requiredRoles(request("GET", "/api/escalationsx"))).isEmpty();
	}

	@Test
	void theLeadsListNeedsTheSameRolesAsTheAdminApi() {
		for (String path : new String[] { "/api/leads", "/api/leads/anything" }) {
			assertThat(AccessPolicy.requiredRoles(request("GET", path))).as(path)
				.containsExactly(Role.ADMIN, Role.ANALYST);
			assertThat(AccessPolicy.PROTECTED.matches(request("GET", path))).as(path).isTrue();
		}
		assertThat(AccessPolicy.allows(Role.AGENT, request("GET", "/api/leads"))).isFalse();
		assertThat(AccessPolicy.requiredRoles(request("GET", "/api/leadsx"))).isEmpty();
	}

	@Test
	void contactAttributesAreOpenToIntegrationsAsWellAsTheAdminApiRoles() {
		for (String path : new String[] { "/api/contacts", "/api/contacts/1784/42/attributes" }) {
			assertThat(AccessPolicy.requiredRoles(request("PUT", path))).as(path)
				.containsExactly(Role.ADMIN, Role.ANALYST, Role.INTEGRATION);
			assertThat(AccessPolicy.PROTECTED.matches(request("GET", path))).as(path).isTrue();
		}
		assertThat(AccessPolicy.allows(Role.AGENT, request("PUT", "/api/contacts/1784/42/attributes"))).isFalse();
		assertThat(AccessPolicy.requiredRoles(request("GET", "/api/contactsx"))).isEmpty();
	}

	@Test
	void anIntegrationTokenCanPushAttributesAndNothingElse() {
		assertThat(AccessPolicy.allows(Role.INTEGRATION, request("PUT", "/api/contacts/1784/42/attributes"))).isTrue();
		assertThat(AccessPolicy.allows(Role.INTEGRATION, request("PUT", "/api/admin/rules/lumen-oak.xlsx"))).isFalse();
		assertThat(AccessPolicy.allows(Role.INTEGRATION, request("GET", "/api/leads"))).isFalse();
		assertThat(AccessPolicy.allows(Role.INTEGRATION, request("GET", "/api/agent/escalations"))).isFalse();
		assertThat(AccessPolicy.allows(Role.INTEGRATION, request("POST", "/api/admin/tokens"))).isFalse();
	}

	@Test
	void webhookPlaygroundActuatorAndLookAlikePathsAreOpen() {
		for (String path : new String[] { "/webhook", "/", "/api/playground/messages", "/actuator/health",
				"/api/administrator", "/api/agents" }) {
			assertThat(AccessPolicy.requiredRoles(request("POST", path))).as(path).isEmpty();
			assertThat(AccessPolicy.PROTECTED.matches(request("POST", path))).as(path).isFalse();
		}
	}

	@Test
	void everyRuleIsWithinTheProtectedPaths() {
		for (String path : new String[] { "/api/admin/tokens", "/api/admin/rules/a.xlsx", "/api/agent/inbox" }) {
			assertThat(AccessPolicy.PROTECTED.matches(request("GET", path))).as(path).isTrue();
		}
	}

	@Test
	void requiredRolesAreNamedInRoleOrder() {
		assertThat(AccessPolicy.describe(AccessPolicy.requiredRoles(request("GET", "/api/agent/inbox"))))
			.isEqualTo("ADMIN or AGENT");
	}

	private static MockHttpServletRequest request(String method, String path) {
		return new MockHttpServletRequest(method, path);
	}

}

package dev.dmbot.server.accounts.connect;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * Serves the Accounts page, a static page under {@code static/accounts/}, at
 * {@code /accounts/}. The page holds no secrets: it asks for an admin token and calls
 * {@code /api/admin/accounts} with it, so these paths stay open like the inbox's.
 */
@Controller
class AccountsPageController {

	/** The trailing slash makes the page's relative scripts and styles resolve. */
	@GetMapping("/accounts")
	String accounts() {
		return "redirect:/accounts/";
	}

	/**
	 * Static resources serve files, not folders, so the folder is forwarded to its page.
	 */
	@GetMapping("/accounts/")
	String page() {
		return "forward:/accounts/index.html";
	}

}

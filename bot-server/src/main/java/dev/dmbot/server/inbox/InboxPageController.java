package dev.dmbot.server.inbox;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * Serves the agent inbox, a static page under {@code static/inbox/}, at {@code /inbox/}.
 * The page itself holds no secrets: it asks the agent for a token and calls
 * {@code /api/escalations} with it, so these paths stay open like the playground.
 */
@Controller
class InboxPageController {

	/**
	 * The trailing slash makes the page's relative {@code inbox.js} and {@code inbox.css}
	 * resolve.
	 */
	@GetMapping("/inbox")
	String inbox() {
		return "redirect:/inbox/";
	}

	/**
	 * Static resources serve files, not folders, so the folder is forwarded to its page.
	 */
	@GetMapping("/inbox/")
	String page() {
		return "forward:/inbox/index.html";
	}

}

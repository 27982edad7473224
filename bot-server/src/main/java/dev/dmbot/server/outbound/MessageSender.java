package dev.dmbot.server.outbound;

import java.util.Map;

/**
 * Makes one Send API call; either Meta's real API or the sandbox that records replies.
 */
interface MessageSender {

	/**
	 * Sends one message body as Meta's Send API takes it.
	 * @return the message id Meta assigned
	 * @throws SendApiException when the call was not accepted
	 */
	String send(String accountId, Map<String, Object> body);

	/**
	 * Posts a public reply under a comment on {@code accountId}'s media: {@code POST
	 * /{comment-id}/replies} with {@code message}.
	 * @return the id of the new comment
	 * @throws SendApiException when the call was not accepted
	 */
	String replyToComment(String accountId, String commentId, String message);

}

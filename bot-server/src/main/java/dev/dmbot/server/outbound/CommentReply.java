package dev.dmbot.server.outbound;

/**
 * An answer to a customer's comment on one of the account's posts or reels: privately in
 * their Direct inbox (the Send API with {@code "recipient": {"comment_id": ...}}) or
 * publicly under the comment.
 *
 * @param accountId the Instagram professional account that owns the post
 * @param commentId the comment answered
 * @param text what to send, variables already filled in
 * @param reference what caused the answer (an event key), kept with dead letters
 */
public record CommentReply(String accountId, String commentId, String text, String reference) {

}

package dev.dmbot.server.outbound;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Meta's error codes, sorted into retry, window closed, token alarm and give up. */
class MetaErrorTest {

	@Test
	void throttlingTemporaryErrorsAndNoAnswerAreRetried() {
		assertThat(new MetaError(429, 613, 0, "").transientFailure()).isTrue();
		assertThat(new MetaError(400, 4, 0, "").transientFailure()).isTrue();
		assertThat(new MetaError(400, 17, 0, "").transientFailure()).isTrue();
		assertThat(new MetaError(400, 32, 0, "").transientFailure()).isTrue();
		assertThat(new MetaError(500, 2, 0, "").transientFailure()).isTrue();
		assertThat(new MetaError(503, 0, 0, "").transientFailure()).isTrue();
		assertThat(new MetaError(0, 0, 0, "timeout").transientFailure()).isTrue();
	}

	@Test
	void windowPermissionAndBadRequestErrorsAreNotRetried() {
		MetaError window = new MetaError(400, 10, 2534022, "");
		assertThat(window.windowClosed()).isTrue();
		assertThat(window.transientFailure()).isFalse();
		assertThat(new MetaError(400, 10, 2018278, "").windowClosed()).isTrue();
		assertThat(new MetaError(400, 551, 1545041, "").transientFailure()).isFalse();
		assertThat(new MetaError(400, 100, 2534014, "").transientFailure()).isFalse();
		assertThat(new MetaError(400, 1, 1357046, "").transientFailure()).as("may have been delivered").isFalse();
	}

	@Test
	void invalidTokenRaisesTheAlarm() {
		MetaError token = new MetaError(401, 190, 463, "expired");
		assertThat(token.tokenInvalid()).isTrue();
		assertThat(token.transientFailure()).isFalse();
	}

	@Test
	void aCommentWithoutRoomForAPrivateReplyIsNotEligible() {
		assertThat(new MetaError(400, 100, 2534025, "").commentNotEligible()).isTrue();
		assertThat(new MetaError(400, 100, 2534025, "").transientFailure()).isFalse();
		assertThat(new MetaError(400, 100, 2534014, "").commentNotEligible()).isFalse();
	}

}

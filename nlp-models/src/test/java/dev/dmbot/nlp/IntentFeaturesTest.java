package dev.dmbot.nlp;

import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class IntentFeaturesTest {

	@Test
	void tokensAreLowerCaseWithoutAccentsAndPunctuationIsSplitOff() {
		assertThat(IntentFeatures.tokens("Olá, NÃO recebi a encomenda?!")).containsExactly("ola", ",", "nao", "recebi",
				"a", "encomenda", "?", "!");
	}

	@Test
	void compatibilityFormsAndApostrophesAreFolded() {
		assertThat(IntentFeatures.tokens("Ｄon’t ship")).containsExactly("dont", "ship");
		assertThat(IntentFeatures.tokens("don't ship")).containsExactly("dont", "ship");
	}

	@Test
	void emojiAreTokensOfTheirOwn() {
		assertThat(IntentFeatures.tokens("thanks🙏🏽 bye👋")).containsExactly("thanks", "🙏", "bye", "👋");
	}

	@Test
	void featuresHoldUnigramsBigramsAndCharacterNgrams() {
		assertThat(IntentFeatures.of("free shipping")).contains("w=free", "w=shipping", "b=free_shipping", "c=<sh",
				"c=ship", "c=ping>");
	}

	@Test
	void inflectionsShareTheirStem() {
		assertThat(IntentFeatures.of("charged")).contains("s=charg");
		assertThat(IntentFeatures.of("charges")).contains("s=charg");
		assertThat(IntentFeatures.of("was charged twice")).contains("sb=charg_twice");
	}

	@Test
	void typoSharesMostCharacterNgramsWithTheWord() {
		Set<String> correct = charGrams("shipping");
		Set<String> typo = charGrams("shiping");
		typo.retainAll(correct);

		assertThat(typo).hasSizeGreaterThan(5);
	}

	@Test
	void nullAndBlankTextHaveNoFeatures() {
		assertThat(IntentFeatures.of(null)).isEmpty();
		assertThat(IntentFeatures.of("  \t ")).isEmpty();
	}

	private static Set<String> charGrams(String word) {
		Set<String> grams = new HashSet<>(Arrays.asList(IntentFeatures.of(word)));
		grams.removeIf((feature) -> !feature.startsWith("c="));
		return grams;
	}

}

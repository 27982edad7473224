package dev.dmbot.server.flows;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** What kind of answer a step expects, as analysts write it in the Expect column. */
public enum Expect {

	/** Any text; options, when given, are suggestions shown as quick replies. */
	TEXT,
	/** An e-mail address. */
	EMAIL,
	/** A phone number, kept in E.164. */
	PHONE,
	/** A whole number, optionally within a range. */
	NUMBER,
	/**
	 * An amount of money ("around 15k", "€2.500", "2,5 mil"), optionally within a range.
	 */
	MONEY,
	/**
	 * A date, absolute or relative ("next Friday", "15/12", "amanhã"), not in the past.
	 */
	DATE,
	/** One of the options, shown as quick replies. */
	CHOICE,
	/**
	 * A product of the workbook's Products sheet, by its name or a synonym; the slot
	 * keeps the product's name.
	 */
	PRODUCT;

	/** The names analysts may write. */
	public static List<String> names() {
		return Arrays.stream(values()).map(Expect::cellName).toList();
	}

	public static Optional<Expect> named(String cell) {
		String name = cell == null ? "" : cell.strip().toLowerCase(Locale.ROOT);
		return Arrays.stream(values()).filter((expect) -> expect.cellName().equals(name)).findFirst();
	}

	public String cellName() {
		return name().toLowerCase(Locale.ROOT);
	}

}

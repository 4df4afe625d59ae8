// Markdown's link reference definitions (`[label]: url "title"`), which the links `[text][label]`,
// `[label][]` and `[label]` name: the definitions are not text, and such links show their text.

/** A definition on one line, as CommonMark has it: up to three spaces in, a label, a destination and a title. */
const definition =
	/^ {0,3}\[((?:[^\\[\]]|\\.){1,999})\]:[ \t]*(?:<[^<>\n]*>|[^\s<]\S*)(?:[ \t]+(?:"[^"]*"|'[^']*'|\([^()]*\)))?[ \t]*$/;

/** A label as definitions and links are matched: case and runs of white space do not count. */
export function referenceLabel(label: string): string {
	return label.trim().replace(/\s+/g, ' ').toLowerCase();
}

/** The label a line defines, or undefined. */
export function definedLabel(line: string): string | undefined {
	if (!line.includes(']:')) return undefined;
	const match = definition.exec(line);
	return match ? referenceLabel(match[1]!) : undefined;
}

/** Every label the lines from `start` define. */
export function referenceLabels(lines: readonly string[], start = 0): Set<string> {
	const labels = new Set<string>();
	for (let index = start; index < lines.length; index++) {
		const label = definedLabel(lines[index]!);
		if (label) labels.add(label);
	}

	return labels;
}

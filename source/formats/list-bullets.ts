// The bullet of a list item by its nesting, as browsers draw them: HTML's and Markdown's lists alike.

const bullets = ['•', '◦', '▪'];

/** The bullet of an item `level` lists in (0 at the top). */
export function bulletAt(level: number): string {
	return bullets[level % bullets.length]!;
}

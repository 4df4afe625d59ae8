// Text attributes written as their own escape codes: NO_COLOR and --no-color forbid colour, not
// attributes, and chalk (under Ink) drops every attribute when colour is off.

import {Transform} from 'ink';
import type {ReactNode} from 'react';

export type Attribute =
	| 'bold'
	| 'dim'
	| 'italic'
	| 'underline'
	| 'strike'
	| 'reverse'
	// Inline code, where colour is allowed.
	| 'yellow';

const sgr: Record<Attribute, [on: string, off: string]> = {
	bold: ['1', '22'],
	dim: ['2', '22'],
	italic: ['3', '23'],
	underline: ['4', '24'],
	strike: ['9', '29'],
	reverse: ['7', '27'],
	yellow: ['33', '39'],
};

/** Its children with these attributes, whatever the colour level; all are turned off after them. */
export function Attributes({on, children}: {on: readonly Attribute[]; children: ReactNode}) {
	if (on.length === 0) return children;
	const start = `\u001B[${on.map((attribute) => sgr[attribute][0]).join(';')}m`;
	const end = `\u001B[${[...new Set(on.map((attribute) => sgr[attribute][1]))].join(';')}m`;
	return <Transform transform={(text) => `${start}${text}${end}`}>{children}</Transform>;
}

/** Its children in reverse video when `when` holds, whatever the colour level. */
export function Reverse({when = true, children}: {when?: boolean; children: ReactNode}) {
	return <Attributes on={when ? ['reverse'] : []}>{children}</Attributes>;
}

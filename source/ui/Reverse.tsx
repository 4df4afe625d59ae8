// Reverse video written as its own escape codes: NO_COLOR and --no-color forbid colour, not
// attributes, and chalk (under Ink) drops every attribute when colour is off.

import {Transform} from 'ink';
import type {ReactNode} from 'react';

const on = '\u001B[7m';
const off = '\u001B[27m';

/** Its children in reverse video when `when` holds, whatever the colour level. */
export function Reverse({when = true, children}: {when?: boolean; children: ReactNode}) {
	if (!when) return children;
	return <Transform transform={(text) => `${on}${text}${off}`}>{children}</Transform>;
}

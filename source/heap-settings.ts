// V8's heap settings for the whole process, set before the command reads anything, so that they
// hold however ficterm is started (the installed command, npm start, node dist/cli.js) and for the
// worker that reads a long work (its heap is made after this runs).

import {setFlagsFromString} from 'node:v8';

// A heap may grow to 1.25 times what its last full collection kept, not V8's up to 4 times on a
// fast machine. A parse makes garbage quickly and V8 keeps the worker's heap pages once it ends, so
// the growth is kept too (5M-word EPUB, worker alone: 248 -> 208 MB; text: 236 -> 202 MB).
setFlagsFromString('--heap-growing-percent=25');

// Started without the installed command's --max-semi-space-size=4 (node dist/cli.js), the young
// generation would grow to several times that, garbage the reader then keeps: it stays at its
// first size instead (5M-word text and EPUB with their keys: 203-229 -> 172 MB, 234-243 -> 182
// MB). Not for the installed command: there keys wait longer on a young generation that small.
if (!process.execArgv.some((flag) => flag.startsWith('--max-semi-space-size')))
	setFlagsFromString('--semi-space-growth-factor=1');

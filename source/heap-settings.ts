// V8's heap settings for the whole process, set before the command reads anything, so that they
// hold however ficterm is started (the installed command, npm start, node dist/cli.js) and for the
// worker that reads a long work (its heap is made after this runs).

import {setFlagsFromString} from 'node:v8';

// A heap may grow to 1.25 times what its last full collection kept, not V8's up to 4 times on a
// fast machine. A parse makes garbage quickly and V8 keeps the worker's heap pages once it ends, so
// the growth is kept too (5M-word EPUB, worker alone: 248 -> 208 MB; text: 236 -> 202 MB).
setFlagsFromString('--heap-growing-percent=25');

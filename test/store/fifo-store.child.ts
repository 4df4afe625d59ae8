// Run by faults.test.ts in a child process: a store whose state.json is a FIFO, used as the reader
// would use it. Prints what it was told, as JSON; a store that blocks never prints.

import {rmSync} from 'node:fs';
import {join} from 'node:path';
import {ReadingSession} from '../../source/store/session.ts';
import {Store} from '../../source/store/store.ts';
import {TestClock} from '../helpers/clock.ts';
import {generatedText, workOf} from '../helpers/works.ts';

const home = process.argv[2]!;
const work = workOf(generatedText(3));
const warnings: string[] = [];
const store = new Store(home, (warning) => warnings.push(warning));
const read = store.work(work.id) ?? null;
const clock = new TestClock();
const session = new ReadingSession(store, work, 'w.txt', {block: 0, offset: 0}, clock);
const news: string[] = [];
session.onSaveNews((message) => news.push(message));
session.moved({block: 2, offset: 0});
clock.advance(500);
rmSync(join(home, 'state.json'));
clock.advance(5000);
const saved = store.work(work.id)?.anchor.block ?? null;
process.stdout.write(JSON.stringify({warning: warnings[0], read, news, saved}));

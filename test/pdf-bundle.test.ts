// pdf.js is in the bundle but loaded only for a PDF, and the installed command reads PDFs from
// dist/ alone, without node_modules beside it.

import assert from 'node:assert/strict';
import {spawnSync} from 'node:child_process';
import {cpSync, mkdtempSync, rmSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {test} from 'node:test';
import {cliPath, projectRoot} from './e2e/terminal.ts';
import {cjkSamplePdf} from './helpers/pdf-writer.ts';

const pdf = join(projectRoot, 'test/fixtures/pdf/ao3-cold-iron-stars.pdf');
const text = join(projectRoot, 'works/the-lighthouse-keepers-daughter.txt');

/** Reports on stderr each module of dist/ that Node loads. */
const loadReport = `data:text/javascript,${encodeURIComponent(
	`import {registerHooks} from 'node:module';
registerHooks({load(url, context, next) {
	if (url.includes('/dist/')) process.stderr.write('loaded ' + url.slice(url.lastIndexOf('/') + 1) + '\\n');
	return next(url, context);
}});`,
)}`;

function loadedModules(args: string[]): string[] {
	const result = spawnSync(process.execPath, ['--import', loadReport, cliPath, ...args], {
		encoding: 'utf8',
	});
	assert.equal(result.status, 0, result.stderr);
	return [...result.stderr.matchAll(/^loaded (.+)$/gm)].map((match) => match[1]!);
}

test('--version and a text work load none of pdf.js; a PDF loads it', () => {
	const pdfModules = (modules: string[]) => modules.filter((name) => /^pdf/.test(name));
	assert.deepEqual(pdfModules(loadedModules(['--version'])), []);
	assert.deepEqual(pdfModules(loadedModules(['--print', text])), []);
	assert.ok(pdfModules(loadedModules(['--toc', pdf])).some((name) => /^pdf\.worker/.test(name)));
});

test('the command copied without node_modules reads a PDF, quietly', (t) => {
	const folder = mkdtempSync(join(tmpdir(), 'ficterm-installed-'));
	t.after(() => rmSync(folder, {recursive: true, force: true}));
	cpSync(join(projectRoot, 'dist'), join(folder, 'dist'), {recursive: true});
	cpSync(join(projectRoot, 'package.json'), join(folder, 'package.json'));
	const result = spawnSync(
		process.execPath,
		[join(folder, 'dist/bin.js'), '--print', '--width', '72', pdf],
		{encoding: 'utf8', cwd: folder},
	);
	assert.equal(result.stderr, '');
	assert.equal(result.status, 0);
	assert.match(result.stdout, /Chapter 1: Departure/);
	assert.match(result.stdout, /The map was wrong, but the sky was right, and that was worse\./);
});

test('the command copied without node_modules reads CJK text through the CMaps beside it', (t) => {
	const folder = mkdtempSync(join(tmpdir(), 'ficterm-installed-'));
	t.after(() => rmSync(folder, {recursive: true, force: true}));
	cpSync(join(projectRoot, 'dist'), join(folder, 'dist'), {recursive: true});
	cpSync(join(projectRoot, 'package.json'), join(folder, 'package.json'));
	const cjk = join(folder, 'cjk.pdf');
	writeFileSync(cjk, cjkSamplePdf());
	const result = spawnSync(
		process.execPath,
		[join(folder, 'dist/bin.js'), '--print', '--width', '72', cjk],
		{encoding: 'utf8', cwd: folder},
	);
	assert.equal(result.stderr, '');
	assert.equal(result.status, 0);
	assert.match(result.stdout, /灯台の光が三度まわって、港の船はみな眠っていた。/);
	assert.match(result.stdout, /海风吹过小镇的屋顶，灯塔守着整夜的潮声。/);
});

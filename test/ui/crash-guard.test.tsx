import assert from 'node:assert/strict';
import {test} from 'node:test';
import {Text} from 'ink';
import {render} from 'ink-testing-library';
import {CrashGuard} from '../../source/ui/CrashGuard.tsx';

function Broken(): never {
	throw new Error('a drawing bug');
}

test('an error while drawing is handed to onCrash, and no stack trace is drawn', async () => {
	const crashes: Error[] = [];
	const original = console.error;
	console.error = () => {};
	try {
		const app = render(
			<CrashGuard onCrash={(error) => crashes.push(error)}>
				<Text>before</Text>
				<Broken />
			</CrashGuard>,
		);
		await new Promise((resolve) => setTimeout(resolve, 20));
		assert.equal(crashes.length, 1);
		assert.equal(crashes[0]!.message, 'a drawing bug');
		assert.doesNotMatch(app.lastFrame() ?? '', /a drawing bug|at Broken/);
		app.unmount();
	} finally {
		console.error = original;
	}
});

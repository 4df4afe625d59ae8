import assert from 'node:assert/strict';
import {test} from 'node:test';
import {render} from 'ink-testing-library';
import {BookmarksOverlay} from '../../source/ui/BookmarksOverlay.tsx';

async function frameOf(element: React.ReactElement): Promise<string> {
	const {lastFrame, unmount} = render(element);
	await new Promise((resolve) => setImmediate(resolve));
	const frame = lastFrame() ?? '';
	unmount();
	return frame;
}

test('an empty list says none yet, or none left once the last one was deleted', async () => {
	const fresh = await frameOf(<BookmarksOverlay marks={[]} cursor={0} rows={8} columns={60} />);
	assert.match(fresh, /No bookmarks yet: press m to add one here\./);
	const emptied = await frameOf(
		<BookmarksOverlay marks={[]} cursor={0} rows={8} columns={60} deleted />,
	);
	assert.match(emptied, /No bookmarks left: press m to add one here\./);
});

// The view slice: the terminal's size, the text width, the folded tags, the message, quitting.

import {defaultMaxWidth, minWidth, textWidth, type ReaderState} from './state.ts';

export type ViewAction =
	| {type: 'resize'; columns: number; rows: number}
	| {type: 'width'; change: 1 | -1 | 0}
	| {type: 'reveal-tags'}
	| {type: 'message'; text?: string}
	| {type: 'quit'; stop?: true};

const widthStep = 4;

export function reduceView(state: ReaderState, action: ViewAction): ReaderState {
	switch (action.type) {
		case 'resize': {
			if (action.columns === state.columns && action.rows === state.rows) return state;
			return {...state, columns: Math.max(1, action.columns), rows: Math.max(1, action.rows)};
		}

		case 'width': {
			const maxWidth =
				action.change === 0
					? defaultMaxWidth
					: Math.max(
							minWidth,
							Math.min(
								Math.max(minWidth, state.columns),
								textWidth(state) + action.change * widthStep,
							),
						);
			return {...state, maxWidth, message: `Text width ${maxWidth}`};
		}

		case 'reveal-tags': {
			return {...state, revealTags: !state.revealTags};
		}

		case 'message': {
			return {...state, message: action.text};
		}

		case 'quit': {
			return {...state, quitting: action.stop ? 'stop' : 'quit'};
		}
	}
}

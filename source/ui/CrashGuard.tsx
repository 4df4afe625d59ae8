// Catches an error thrown while drawing, so that the reader saves and leaves cleanly instead of
// showing a stack trace.

import {Component, type ReactNode} from 'react';

type Props = {onCrash: (error: Error) => void; children: ReactNode};

export class CrashGuard extends Component<Props, {crashed: boolean}> {
	override state = {crashed: false};

	static getDerivedStateFromError(): {crashed: boolean} {
		return {crashed: true};
	}

	override componentDidCatch(error: Error): void {
		this.props.onCrash(error);
	}

	override render(): ReactNode {
		return this.state.crashed ? null : this.props.children;
	}
}

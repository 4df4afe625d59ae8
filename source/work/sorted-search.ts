// Binary search over a sorted list of numbers.

/** The first index of a sorted list whose value is `value` or more; the list's length if none is. */
export function firstAtLeast(list: ArrayLike<number>, value: number): number {
	let low = 0;
	let high = list.length;
	while (low < high) {
		const middle = (low + high) >> 1;
		if (list[middle]! < value) low = middle + 1;
		else high = middle;
	}

	return low;
}

/** Zero-based line and UTF-16 column. */
export interface LineColumn {
  line: number;
  column: number;
}

/** Turns offsets into lines and columns with a binary search over the line starts. */
export function createLineIndex(text: string): (offset: number) => LineColumn {
  const starts = [0];
  for (let index = text.indexOf('\n'); index !== -1; index = text.indexOf('\n', index + 1)) starts.push(index + 1);
  return (offset) => {
    let low = 0;
    let high = starts.length - 1;
    while (low < high) {
      const middle = (low + high + 1) >> 1;
      if (starts[middle] <= offset) low = middle;
      else high = middle - 1;
    }
    return { line: low, column: offset - starts[low] };
  };
}

/**
 * A progress bar on stderr (stdout is for the JSON result): redrawn in place on a terminal, a
 * line per tenth otherwise (CI logs, pipes).
 */
export function progressBar(label: string, stream: NodeJS.WriteStream = process.stderr) {
  let lastTenth = -1;
  return (done: number, total: number) => {
    const share = total > 0 ? Math.min(1, done / total) : 1;
    if (stream.isTTY) {
      const width = 30;
      const filled = Math.round(share * width);
      stream.write(
        `\r${label} [${'#'.repeat(filled)}${' '.repeat(width - filled)}] ${Math.round(share * 100)}% (${done}/${total})`,
      );
      if (share === 1) stream.write('\n');
      return;
    }
    const tenth = Math.floor(share * 10);
    if (tenth > lastTenth) {
      lastTenth = tenth;
      stream.write(`${label}: ${tenth * 10}% (${done}/${total})\n`);
    }
  };
}

import { pieceRunner, type PieceRunner } from './_registerPiece.js';
import type { ChildMessage, ChildReply, PieceResult } from './_parallelRegister.js';

/**
 * The child process of the parallel register path (`_parallelRegister.ts`), started with an IPC
 * channel: told the file, its header rows and the output file once, then sent pieces (byte
 * ranges of the file, each starting and ending at a record boundary), which it classifies one at
 * a time in the order sent ({@link pieceRunner}), sending back the size of each output, the
 * counts, failures and id keys. When the main process, taking the pieces in order, says where a
 * piece's output goes in the (temporary) output file, it writes it there itself: the main
 * process never handles those bytes. It exits when the channel closes (the main process ended,
 * or is done with it). @internal
 */
let runner: PieceRunner | undefined;
let queue: Promise<void> = Promise.resolve();
const reply = (m: ChildReply): void => void process.send?.(m);

process.on('message', (m: ChildMessage) => {
  if (m.type === 'setup') {
    runner = pieceRunner(m.setup);
    return;
  }
  const r = runner;
  if (m.type === 'write') {
    // as soon as it is asked for (while the next piece is classified)
    if (r === undefined) reply({ type: 'written', index: m.index, error: 'no setup' });
    else void r.write(m.index, m.offset).then((error) => reply({ type: 'written', index: m.index, error }));
    return;
  }
  queue = queue.then(async () => {
    const result: PieceResult = r === undefined ? { index: m.job.index, ok: false, irregular: 'no setup' } : await r.piece(m.job);
    reply({ type: 'piece', result });
  });
});
process.on('disconnect', () => process.exit(0));

/** How a shell reports a process ended by SIGPIPE (128 + 13), as `yes | head` leaves `yes`. */
export const BROKEN_PIPE_EXIT = 141;

/**
 * A reader that stops early (`okra validate --format json | head -c 10`) closes the pipe, and
 * node reports the next write as an EPIPE error event, which nothing handles: a stack trace.
 * The output has nowhere to go, so okra ends there, quietly, as a Unix tool does on SIGPIPE.
 */
export function endQuietlyOnBrokenPipe(stream: NodeJS.WritableStream, exit: (code: number) => void = process.exit): void {
  stream.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code !== 'EPIPE') throw error;
    exit(BROKEN_PIPE_EXIT);
  });
}

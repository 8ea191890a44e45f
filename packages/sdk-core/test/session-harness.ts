/** Moves the fake clock in steps, letting I/O (microtasks) run between them as real time would. */
export async function elapse(clock: { advance(ms: number): void }, ms: number, step = 500): Promise<void> {
  for (let done = 0; done < ms; done += step) {
    clock.advance(Math.min(step, ms - done));
    await settle(3);
  }
}

export const settle = async (rounds = 5) => {
  for (let i = 0; i < rounds; i++) await new Promise((resolve) => setTimeout(resolve, 0));
};

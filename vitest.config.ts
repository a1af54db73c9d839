import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["src/**/*.test.ts", "test/**/*.test.ts"],
    testTimeout: 60_000,
    // A page under load (the whole suite on two cores) can take more than the default second to
    // redraw and update its link: expect.poll waits up to 15 s, returning as soon as it holds.
    expect: { poll: { timeout: 15_000 } },
  },
});

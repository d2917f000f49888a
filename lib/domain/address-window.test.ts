import { describe, expect, it } from "vitest";
import { AddressWindow, OVERFLOW_KEY } from "./address-window";

describe("AddressWindow", () => {
  it("counts per key within a fixed window and starts again in the next one", () => {
    const w = new AddressWindow(60_000);
    const t = 1_800_000_000_000; // a whole minute
    expect(w.hit("10.0.0.1", t)).toEqual({ count: 1, retryAfterSeconds: 60 });
    expect(w.hit("10.0.0.1", t + 15_000)).toEqual({ count: 2, retryAfterSeconds: 45 });
    expect(w.hit("10.0.0.2", t + 15_000).count).toBe(1);
    expect(w.peek("10.0.0.1", t + 59_999)).toEqual({ count: 2, retryAfterSeconds: 1 });
    expect(w.peek("10.0.0.1", t + 60_000)).toEqual({ count: 0, retryAfterSeconds: 60 });
    expect(w.hit("10.0.0.1", t + 61_000).count).toBe(1);
  });

  it("counts addresses past its capacity together, so a spray from many addresses is bounded in memory and still counted", () => {
    const w = new AddressWindow(60_000, 2);
    const t = 1_800_000_000_000;
    w.hit("a", t);
    w.hit("b", t);
    expect(w.hit("c", t).count).toBe(1);
    expect(w.hit("d", t).count).toBe(2);
    expect(w.peek(OVERFLOW_KEY, t).count).toBe(2);
    // Known keys keep their own count.
    expect(w.hit("a", t).count).toBe(2);
  });
});

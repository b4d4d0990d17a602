import { describe, expect, it } from "vitest";
import { commands, IpcError } from "./ipc";

type Call = { command: string; args?: Record<string, unknown> };

function fake(answer: (call: Call) => Promise<unknown>) {
  const calls: Call[] = [];
  const ipc = commands((command, args) => {
    calls.push({ command, args });
    return answer({ command, args });
  });
  return { ipc, calls };
}

async function failure(p: Promise<unknown>): Promise<IpcError> {
  try {
    await p;
  } catch (e) {
    if (e instanceof IpcError) return e;
    throw new Error(`expected an IpcError, got ${String(e)}`);
  }
  throw new Error("the call was expected to fail");
}

describe("ipc", () => {
  it("passes the filter under the argument name the Rust command expects", async () => {
    const { ipc, calls } = fake(async () => []);
    await ipc.listCases({ text: "شهریار" });
    expect(calls).toEqual([{ command: "list_cases", args: { filter: { text: "شهریار" } } }]);
  });

  it("turns a command error into an IpcError with its code and Persian message", async () => {
    const { ipc } = fake(() => Promise.reject({ code: "invalid_input", message: "عبارت جستجو بیش از ۲۰۰ نویسه است" }));
    const err = await failure(ipc.listCases({ text: "x" }));
    expect(err.code).toBe("invalid_input");
    expect(err.message).toContain("۲۰۰");
  });

  it("wraps anything else as an ipc failure in Persian", async () => {
    const { ipc } = fake(() => Promise.reject("window closed"));
    const err = await failure(ipc.appInfo());
    expect(err.code).toBe("ipc");
    expect(err.message).toContain("ارتباط با برنامه");
  });
});

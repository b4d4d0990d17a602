import { describe, expect, it } from "vitest";
import { commands, IpcError } from "./ipc";

type Call = {
  command: string;
  args?: Record<string, unknown> | Uint8Array;
  options?: { headers: Record<string, string> };
};

function fake(answer: (call: Call) => Promise<unknown>) {
  const calls: Call[] = [];
  const ipc = commands((command, args, options) => {
    calls.push(options ? { command, args, options } : { command, args });
    return answer({ command, args, options });
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
  it("names the reporter, evidence text and subject commands' arguments as Rust expects", async () => {
    const { ipc, calls } = fake(async () => null);
    await ipc.revealReporter(7);
    await ipc.evidenceText(3);
    await ipc.setCaseSubject(5, "تعرفه");
    expect(calls).toEqual([
      { command: "reveal_reporter", args: { complaintId: 7 } },
      { command: "evidence_text", args: { evidenceId: 3 } },
      { command: "set_case_subject", args: { caseId: 5, subject: "تعرفه" } },
    ]);
  });

  it("passes the filter and the page under the argument names the Rust command expects", async () => {
    const page = { total: 1, offset: 200, rows: [] };
    const { ipc, calls } = fake(async () => page);
    expect(await ipc.listCases({ text: "شهریار" }, 200, 100)).toBe(page);
    await ipc.listCases({ statuses: ["decided", "final"] });
    expect(calls).toEqual([
      { command: "list_cases", args: { filter: { text: "شهریار" }, offset: 200, limit: 100 } },
      { command: "list_cases", args: { filter: { statuses: ["decided", "final"] } } },
    ]);
    // Left out, the page's bounds are not sent at all (the Rust side takes its defaults).
    expect(JSON.stringify(calls[1].args)).toBe('{"filter":{"statuses":["decided","final"]}}');
  });

  it("asks for a page of the deadlines by offset and limit", async () => {
    const { ipc, calls } = fake(async () => ({ total: 0, offset: 0, rows: [] }));
    await ipc.deadlines(400, 200);
    await ipc.deadlines();
    expect(calls).toEqual([
      { command: "deadlines", args: { offset: 400, limit: 200 } },
      { command: "deadlines", args: {} },
    ]);
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

  it("sends an evidence file as raw bytes, its Persian name and description URI-encoded in headers", async () => {
    const { ipc, calls } = fake(async () => ({}));
    const bytes = new Uint8Array([0x25, 0x50, 0x44, 0x46]);
    await ipc.attachEvidence(7, "گزارش بازرسی.pdf", bytes, "گزارش ۱۴۰۵/۰۸/۲۰");
    expect(calls[0].command).toBe("attach_evidence");
    expect(calls[0].args).toBe(bytes);
    const headers = calls[0].options!.headers;
    expect(headers["heyat-case-id"]).toBe("7");
    expect(headers["heyat-file-name"]).not.toMatch(/[^\x20-\x7e]/);
    expect(decodeURIComponent(headers["heyat-file-name"])).toBe("گزارش بازرسی.pdf");
    expect(decodeURIComponent(headers["heyat-description"])).toBe("گزارش ۱۴۰۵/۰۸/۲۰");
  });

  it("signs a ruling with the signed-in member's password, by the ruling's id", async () => {
    const { ipc, calls } = fake(async () => ({ signed: ["علی رضایی"], remaining: [], content_hash: null }));
    await ipc.signOff(12, "رمز عبور من");
    expect(calls).toEqual([{ command: "sign_off", args: { rulingId: 12, password: "رمز عبور من" } }]);
  });
});

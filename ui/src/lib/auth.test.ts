import { describe, expect, it } from "vitest";
import { authCommands, can, canAny, cleanCode, passwordProblem, type SignedIn } from "./auth";
import { IpcError, onIpcFailure } from "./ipc";

function who(may: string[], role: SignedIn["role"] = "secretary"): SignedIn {
  return {
    account_id: 2,
    username: "dabir",
    name: "مریم احمدی",
    role,
    role_title: "دبیر هیأت",
    board_id: 1,
    board_name: "هیأت بدوی تهران",
    member_id: null,
    may,
  };
}

describe("passwordProblem", () => {
  it("asks for at least eight characters, counted as characters in any script", () => {
    expect(passwordProblem("1234567", "1234567")).toContain("۸");
    expect(passwordProblem("رمزعبورم", "رمزعبورم")).toBeNull();
    expect(passwordProblem("😀😀😀😀", "😀😀😀😀")).toContain("۸");
  });

  it("refuses a repetition that differs", () => {
    expect(passwordProblem("correct horse", "correct hors")).toContain("یکسان نیستند");
  });

  it("reads Persian digits as Latin ones, as the Rust side does", () => {
    expect(passwordProblem("۱۲۳۴۵۶۷۸", "12345678")).toBeNull();
    expect(passwordProblem("٠١٢٣٤٥٦٧", "01234567")).toBeNull();
  });
});

describe("cleanCode", () => {
  it("keeps the issued form whatever way it was typed", () => {
    expect(cleanCode(" 7k4q-m2xd-9prt ")).toBe("7K4Q-M2XD-9PRT");
    expect(cleanCode("7K4Q M2XD ۹PRT")).toBe("7K4Q-M2XD-9PRT");
    expect(cleanCode("7K4Q – M2XD—9PRT")).toBe("7K4Q-M2XD-9PRT");
  });
});

describe("may", () => {
  it("is what the role's list says, and nothing without a sign-in", () => {
    const secretary = who(["read_cases", "register_complaint"]);
    expect(can(secretary, "register_complaint")).toBe(true);
    expect(can(secretary, "manage_accounts")).toBe(false);
    expect(can(null, "read_cases")).toBe(false);
  });

  it("takes any one of several actions; none needed means only a sign-in", () => {
    const reviewer = who(["review_complaint"], "kanoon_reviewer");
    expect(canAny(reviewer, ["register_complaint", "review_complaint"])).toBe(true);
    expect(canAny(reviewer, ["backup", "restore"])).toBe(false);
    expect(canAny(reviewer, [])).toBe(true);
    expect(canAny(null, [])).toBe(false);
  });
});

describe("auth commands", () => {
  it("send the argument names Tauri maps to the Rust parameters", async () => {
    const calls: { command: string; args?: unknown }[] = [];
    const api = authCommands(async (command, args) => {
      calls.push({ command, args });
      return null;
    });
    await api.signIn("dabir", "رمز عبور من");
    await api.createAccount({ role: "member", name: "علی رضایی", board_id: 1, member_id: 4 });
    await api.reissueEnrolment(9);
    await api.verifyDocument("/tmp/ruling.pdf");
    expect(calls).toEqual([
      { command: "sign_in", args: { username: "dabir", password: "رمز عبور من" } },
      { command: "create_account", args: { role: "member", name: "علی رضایی", boardId: 1, memberId: 4 } },
      { command: "reissue_enrolment", args: { accountId: 9 } },
      { command: "verify_document", args: { path: "/tmp/ruling.pdf" } },
    ]);
  });

  it("let the shell hear an unauthenticated refusal from any command", async () => {
    const heard: IpcError[] = [];
    const stop = onIpcFailure((e) => heard.push(e));
    const api = authCommands(() => Promise.reject({ code: "unauthenticated", message: "دوباره وارد شوید" }));
    await expect(api.listAccounts()).rejects.toBeInstanceOf(IpcError);
    stop();
    await expect(api.listAccounts()).rejects.toBeInstanceOf(IpcError);
    expect(heard.map((e) => e.code)).toEqual(["unauthenticated"]);
  });

  it("keep the field a refusal names", async () => {
    const api = authCommands(() =>
      Promise.reject({ code: "invalid_input", message: "نام کاربری گرفته شده است", field: "username" }),
    );
    const err = await api.enrol("7K4Q-M2XD-9PRT", "ali", "12345678").catch((e: IpcError) => e);
    expect(err).toBeInstanceOf(IpcError);
    expect((err as IpcError).field).toBe("username");
  });
});

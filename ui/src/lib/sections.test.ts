import { describe, expect, it } from "vitest";
import type { SignedIn } from "./auth";
import { landing, sectionsFor } from "./sections";

function who(role: SignedIn["role"], may: string[]): SignedIn {
  return {
    account_id: 1,
    username: role,
    name: "—",
    role,
    role_title: role,
    board_id: role === "admin" ? null : 1,
    board_name: null,
    member_id: null,
    may,
  };
}

const ids = (w: SignedIn | null) => sectionsFor(w).map((s) => s.id);

describe("sections by role", () => {
  it("shows a secretary the case work", () => {
    const secretary = who("secretary", ["read_cases", "register_complaint", "verify", "backup"]);
    expect(ids(secretary)).toEqual(["desk", "complaints", "cases", "engine", "sessions", "rulings", "deadlines", "reports", "verify", "settings"]);
  });

  it("shows the Kanoon's reviewer complaints and settings only", () => {
    const reviewer = who("kanoon_reviewer", ["review_complaint"]);
    expect(ids(reviewer)).toEqual(["complaints", "settings"]);
    expect(landing(reviewer, "desk")).toBe("complaints");
  });

  it("lands an administrator without case work on the first section open to them", () => {
    const admin = who("admin", ["manage_accounts", "backup", "restore", "checkpoint", "export_keys", "verify"]);
    expect(ids(admin)).toEqual(["verify", "settings"]);
    expect(landing(admin, "cases")).toBe("verify");
    expect(landing(admin, "settings")).toBe("settings");
  });

  it("shows nothing to no one", () => {
    expect(ids(null)).toEqual([]);
    expect(landing(null, "desk")).toBe("settings");
  });
});

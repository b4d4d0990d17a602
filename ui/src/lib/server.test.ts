import { describe, expect, it } from "vitest";
import { serverOf } from "./server";

describe("serverOf", () => {
  it("shows a server's host and database, never its user or password", () => {
    expect(serverOf("postgres://heyat:***@10.0.0.5:5432/heyat")).toBe("10.0.0.5:5432/heyat");
    expect(serverOf("postgresql://db.board.local/heyat?sslmode=require")).toBe("db.board.local/heyat");
  });
  it("shows nothing for this machine's own file", () => {
    expect(serverOf("/home/a/.local/share/heyat/heyat.sqlite3")).toBeNull();
    expect(serverOf("C:\\Users\\a\\heyat.sqlite3")).toBeNull();
  });
});

import { describe, expect, it } from "vitest";
import COMMON_PASSWORDS from "@/lib/auth/common-passwords.json";
import { passwordProblem } from "@/lib/auth/password-policy";

describe("the password policy", () => {
  it("ships a list of a few thousand common passwords", () => {
    expect(COMMON_PASSWORDS.length).toBeGreaterThanOrEqual(5000);
    expect(COMMON_PASSWORDS).toContain("password");
    expect(COMMON_PASSWORDS).toContain("qwertyuiop");
  });

  it("asks for at least 12 and at most 256 characters", () => {
    expect(passwordProblem("short-pass1")).toBe("Use at least 12 characters");
    expect(passwordProblem("x".repeat(11) + "y")).toBeNull();
    expect(passwordProblem("ab".repeat(128) + "c")).toBe("Use at most 256 characters");
  });

  it.each(["qwertyuiop12", "Password2024!", "1qaz2wsx3edc", "123qweasdzxc", "!!Football1234", "sunshine-2026", "QWERTYUIOP!!"])(
    "refuses the common password %s, with the usual decoration",
    (password) => {
      expect(passwordProblem(password)).toBe("This password is too common or too easy to guess; choose another");
    },
  );

  it("refuses repetitions and passwords of digits and symbols only", () => {
    expect(passwordProblem("aaaaaaaaaaaa")).toMatch(/too common/);
    expect(passwordProblem("abcabcabcabc")).toMatch(/too common/);
    expect(passwordProblem("passwordpassword")).toMatch(/too common/);
    expect(passwordProblem("letmein-letmein")).toMatch(/too common/);
    expect(passwordProblem("pass-word-2024!")).toMatch(/too common/);
    expect(passwordProblem("123456789012")).toBe("Use more than digits and symbols");
    expect(passwordProblem("2026-12-02!!")).toBe("Use more than digits and symbols");
  });

  it("refuses the account's own name, email or the product's name as the password", () => {
    const account = { email: "dana.whitfield@example.com", name: "Dana Whitfield" };
    expect(passwordProblem("dana.whitfield", account)).toMatch(/your name/);
    expect(passwordProblem("DanaWhitfield2026", account)).toMatch(/your name/);
    expect(passwordProblem("my-dana.whitfield-pass", account)).toMatch(/your name/);
    expect(passwordProblem("bulkhead-demo", account)).toMatch(/product's name/);
  });

  it("accepts long, uncommon passphrases", () => {
    expect(passwordProblem("correct-horse-battery-staple")).toBeNull();
    expect(passwordProblem("a-long-enough-password")).toBeNull();
    expect(passwordProblem("e2e-password-mi8q2x1f3a9c")).toBeNull();
    expect(passwordProblem("Ünïcödé pässphrase wörks")).toBeNull();
  });
});

import { describe, expect, it } from "vitest";
import { contentDisposition } from "@/lib/http/content-disposition";

describe("contentDisposition", () => {
  it.each([
    ["INC-0042-E1-pod.yaml", "attachment; filename=\"INC-0042-E1-pod.yaml\"; filename*=UTF-8''INC-0042-E1-pod.yaml"],
    ["../../etc/passwd", "attachment; filename=\"__.._etc_passwd\"; filename*=UTF-8''.._.._etc_passwd"],
    ['a"; filename="x.html', "attachment; filename=\"a___filename__x.html\"; filename*=UTF-8''a%22%3B%20filename%3D%22x.html"],
    ["línea\r\nSet-Cookie: x=1", "attachment; filename=\"l_nea__Set-Cookie__x_1\"; filename*=UTF-8''l%C3%ADnea__Set-Cookie%3A%20x%3D1"],
  ])("makes %j a safe attachment", (name, header) => {
    expect(contentDisposition(name)).toBe(header);
  });

  it("is always an attachment and never carries a raw quote, CR or LF", () => {
    for (const name of ['"', "\n", "\u202Eexe.txt", "a/b\\c", ".htaccess"]) {
      const header = contentDisposition(name);
      expect(header.startsWith("attachment; ")).toBe(true);
      expect(header.slice(22)).not.toMatch(/[\r\n]/);
      expect(header.match(/"/g)).toHaveLength(2);
    }
  });
});

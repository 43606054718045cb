import { describe, expect, it } from "vitest";
import { snippetParts } from "./highlight";

describe("snippetParts", () => {
  it("splits marked words from the text around them", () => {
    expect(snippetParts("Data <mark>engineer</mark> at NASA")).toEqual([
      { text: "Data ", marked: false },
      { text: "engineer", marked: true },
      { text: " at NASA", marked: false },
    ]);
  });

  it("decodes the server's escaping into text, so markup in the data is shown, never run", () => {
    expect(snippetParts("&lt;img src=x onerror=alert(1)&gt; &amp; <mark>R&amp;D</mark> &#x27;q&#x27; &quot;")).toEqual([
      { text: "<img src=x onerror=alert(1)> & ", marked: false },
      { text: "R&D", marked: true },
      { text: " 'q' \"", marked: false },
    ]);
  });

  it("decodes each entity once: an escaped entity stays an entity in the text", () => {
    expect(snippetParts("&amp;lt;")).toEqual([{ text: "&lt;", marked: false }]);
  });
});

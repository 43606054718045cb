// @vitest-environment node
import { readFileSync } from "node:fs";
import { Kind, parse } from "graphql";
import { describe, expect, it } from "vitest";
import { EMBEDDED_TYPES } from "./client";

const supergraph = parse(readFileSync(new URL("../../../schema/supergraph.graphql", import.meta.url), "utf8"));
const ROOTS = new Set(["Query", "Mutation", "Subscription"]);

describe("the normalised cache", () => {
  it("knows every object type of the graph that has no id as a value embedded in its parent", () => {
    const keyless = supergraph.definitions.flatMap((definition) =>
      definition.kind === Kind.OBJECT_TYPE_DEFINITION &&
      !ROOTS.has(definition.name.value) &&
      !definition.name.value.includes("__") &&
      !definition.fields?.some((field) => field.name.value === "id")
        ? [definition.name.value]
        : [],
    );
    expect(keyless.filter((name) => !EMBEDDED_TYPES.includes(name))).toEqual([]);
  });
});

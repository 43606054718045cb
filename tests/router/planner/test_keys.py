"""Entity jumps through `@key`: list paths, compound and nested keys, several keys, resolvable: false."""

from __future__ import annotations

import pytest

from router.planner import PlanningError

from .sdl import dedent, plan_of, plan_text, supergraph

SDL = supergraph(
    """
type Query @join__type(graph: A) @join__type(graph: B) @join__type(graph: C) {
  users: [User!]! @join__field(graph: A)
  orgs: [Org] @join__field(graph: B)
}
type User @join__type(graph: A, key: "id") @join__type(graph: B, key: "id")
  @join__type(graph: B, key: "email") @join__type(graph: C, key: "email") {
  id: ID! @join__field(graph: A) @join__field(graph: B)
  email: String! @join__field(graph: B) @join__field(graph: C)
  name: String @join__field(graph: A)
  karma: Int @join__field(graph: C)
  membership: Membership @join__field(graph: A)
}
type Membership @join__type(graph: A, key: "user { id } org { id }")
  @join__type(graph: B, key: "user { id } org { id }") {
  user: User!
  org: Org!
  role: String @join__field(graph: B)
}
type Org @join__type(graph: A, key: "id") @join__type(graph: B, key: "id")
  @join__type(graph: C, key: "id", resolvable: false) {
  id: ID!
  title: String @join__field(graph: B)
}
""",
    "a",
    "b",
    "c",
)


def test_list_of_entities_jumps_with_at_path() -> None:
    # `name` is in A, `email` only in B: B gets one `_entities` call for all users (path `users.@`).
    assert plan_text(SDL, "{ users { name email } }") == dedent(
        """
        QueryPlan {
          Sequence {
            Fetch(service: "a") {
              {
                users {
                  __typename
                  name
                  id
                }
              }
            },
            Flatten(path: "users.@") {
              Fetch(service: "b") {
                {
                  ... on User {
                    __typename
                    id
                  }
                } =>
                {
                  ... on User {
                    email
                  }
                }
              },
            },
          },
        }
        """
    )


def test_keys_differing_per_subgraph_take_two_hops() -> None:
    # C knows users only by email, A only by id: B (which has both keys) turns the id into the email.
    assert plan_text(SDL, "{ users { karma } }") == dedent(
        """
        QueryPlan {
          Sequence {
            Fetch(service: "a") {
              {
                users {
                  __typename
                  id
                }
              }
            },
            Flatten(path: "users.@") {
              Fetch(service: "b") {
                {
                  ... on User {
                    __typename
                    id
                  }
                } =>
                {
                  ... on User {
                    __typename
                    email
                  }
                }
              },
            },
            Flatten(path: "users.@") {
              Fetch(service: "c") {
                {
                  ... on User {
                    __typename
                    email
                  }
                } =>
                {
                  ... on User {
                    karma
                  }
                }
              },
            },
          },
        }
        """
    )


def test_compound_nested_key() -> None:
    # Membership's key is `user { id } org { id }`: A selects it and B receives it as the representation.
    assert plan_text(SDL, "{ users { membership { role } } }") == dedent(
        """
        QueryPlan {
          Sequence {
            Fetch(service: "a") {
              {
                users {
                  membership {
                    __typename
                    user {
                      id
                    }
                    org {
                      id
                    }
                  }
                }
              }
            },
            Flatten(path: "users.@.membership") {
              Fetch(service: "b") {
                {
                  ... on Membership {
                    __typename
                    user {
                      id
                    }
                    org {
                      id
                    }
                  }
                } =>
                {
                  ... on Membership {
                    role
                  }
                }
              },
            },
          },
        }
        """
    )


def test_non_resolvable_key_is_never_a_jump_target() -> None:
    # C declares Org with `resolvable: false`: though C also resolves `title` and comes first, the jump
    # from A goes to B (with C's key resolvable, the same plan fetches from C).
    sdl = SDL.replace(
        "  title: String @join__field(graph: B)",
        "  title: String @join__field(graph: C) @join__field(graph: B)",
    )
    assert plan_text(sdl, "{ users { membership { org { title } } } }") == dedent(
        """
        QueryPlan {
          Sequence {
            Fetch(service: "a") {
              {
                users {
                  membership {
                    org {
                      __typename
                      id
                    }
                  }
                }
              }
            },
            Flatten(path: "users.@.membership.org") {
              Fetch(service: "b") {
                {
                  ... on Org {
                    __typename
                    id
                  }
                } =>
                {
                  ... on Org {
                    title
                  }
                }
              },
            },
          },
        }
        """
    )


def test_unreachable_field_is_a_planning_error() -> None:
    # Nothing in C resolves Org, so a C-only Org field could never be reached; the planner says so.
    sdl = SDL.replace("  title: String @join__field(graph: B)", "  title: String @join__field(graph: C)")
    with pytest.raises(PlanningError):
        plan_of(sdl, "{ orgs { title } }")


GATHERED_SDL = supergraph(
    """
type Query @join__type(graph: A) @join__type(graph: B) @join__type(graph: C) {
  items: [Item] @join__field(graph: A)
}
type Item @join__type(graph: A, key: "id") @join__type(graph: B, key: "id")
  @join__type(graph: C, key: "sku ean") {
  id: ID! @join__field(graph: A) @join__field(graph: B)
  sku: String! @join__field(graph: A) @join__field(graph: C)
  ean: String! @join__field(graph: B) @join__field(graph: C)
  price: Int @join__field(graph: C)
}
""",
    "a",
    "b",
    "c",
)


def test_key_fields_from_two_subgraphs_are_gathered_before_the_jump() -> None:
    # No subgraph has C's whole key `sku ean`: A brings sku, B brings ean, then C can be asked.
    assert plan_text(GATHERED_SDL, "{ items { price } }") == dedent(
        """
        QueryPlan {
          Sequence {
            Fetch(service: "a") {
              {
                items {
                  __typename
                  sku
                  id
                }
              }
            },
            Flatten(path: "items.@") {
              Fetch(service: "b") {
                {
                  ... on Item {
                    __typename
                    id
                  }
                } =>
                {
                  ... on Item {
                    ean
                  }
                }
              },
            },
            Flatten(path: "items.@") {
              Fetch(service: "c") {
                {
                  ... on Item {
                    __typename
                    sku
                    ean
                  }
                } =>
                {
                  ... on Item {
                    price
                  }
                }
              },
            },
          },
        }
        """
    )


EXTENSION_SDL = supergraph(
    """
type Query @join__type(graph: PRICE) @join__type(graph: PRODUCT) {
  cheapestProduct: Product @join__field(graph: PRICE)
}
type Product @join__type(graph: PRICE, key: "id", extension: true) @join__type(graph: PRODUCT, key: "id") {
  id: ID! @join__field(graph: PRICE, external: true) @join__field(graph: PRODUCT)
  price: Float @join__field(graph: PRICE)
  name: String! @join__field(graph: PRODUCT)
}
""",
    "price",
    "product",
)


def test_external_key_field_of_an_extension_is_still_returned_by_its_subgraph() -> None:
    # `id` is `@external` in PRICE (an `extend type` key), yet PRICE returns it for its own entities: it
    # answers `id` directly and sends it as the key to PRODUCT for `name`.
    assert plan_text(EXTENSION_SDL, "{ cheapestProduct { id price name } }") == dedent(
        """
        QueryPlan {
          Sequence {
            Fetch(service: "price") {
              {
                cheapestProduct {
                  __typename
                  id
                  price
                }
              }
            },
            Flatten(path: "cheapestProduct") {
              Fetch(service: "product") {
                {
                  ... on Product {
                    __typename
                    id
                  }
                } =>
                {
                  ... on Product {
                    name
                  }
                }
              },
            },
          },
        }
        """
    )


# The audit's parent-entity-call-complex: A and B define Product with `id` `@external` (only D resolves it);
# Category is a value type in A and B, an entity in C.
ENTRY_KEY_SDL = supergraph(
    """
type Query @join__type(graph: A) @join__type(graph: B) @join__type(graph: C) @join__type(graph: D) {
  productFromD(id: ID!): Product @join__field(graph: D)
}
type Product @join__type(graph: A, key: "id") @join__type(graph: B, key: "id")
  @join__type(graph: D, key: "id") {
  id: ID @join__field(graph: A, external: true) @join__field(graph: B, external: true) @join__field(graph: D)
  category: Category @join__field(graph: A) @join__field(graph: B)
  name: String @join__field(graph: D)
}
type Category @join__type(graph: A) @join__type(graph: B) @join__type(graph: C, key: "id") {
  details: String @join__field(graph: A)
  id: ID @join__field(graph: B) @join__field(graph: C)
  name: String @join__field(graph: C)
}
""",
    "a",
    "b",
    "c",
    "d",
)


def test_an_entity_sends_on_the_key_it_arrived_with_even_where_that_key_is_external() -> None:
    # `category { details }` pins the category to A, which cannot answer Category.id: the category is fetched
    # again from B through Product's key. A has Product.id `@external` (it cannot answer it for products it
    # returns itself), but these products reached A by that very key in `_entities`, which echoes it back.
    plan = plan_text(ENTRY_KEY_SDL, '{ productFromD(id: "1") { id category { id details } } }')
    fetches = [line.strip() for line in plan.splitlines() if "Fetch(" in line or "Flatten(" in line]
    assert fetches == [
        'Fetch(service: "d") {',
        'Flatten(path: "productFromD") {',
        'Fetch(service: "a") {',
        'Flatten(path: "productFromD") {',
        'Fetch(service: "b") {',
    ]
    a_fetch = plan.split('Fetch(service: "a")')[1].split("Flatten(")[0]
    assert "details" in a_fetch and "=>" in a_fetch

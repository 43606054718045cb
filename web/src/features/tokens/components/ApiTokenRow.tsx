// One token in the list: what it may do, when it was made, runs out and was last used; revoke behind a confirmation.
import { useState } from "react";
import { useMutation } from "urql";
import { Dialog } from "@/components/Dialog";
import { FormError } from "@/components/Field";
import { graphql, getFragmentData, type FragmentType } from "@/gql";
import { formatDate, formatDateTime } from "@/lib/dates";
import { formError } from "@/lib/errors";
import { RevokeApiTokenMutation } from "../api/tokens";

export const ApiTokenRowFragment = graphql(`
  fragment ApiTokenRow on ApiToken {
    id
    name
    scopes
    createdAt
    expiresAt
    lastUsedAt
  }
`);

export function ApiTokenRow(props: { token: FragmentType<typeof ApiTokenRowFragment> }) {
  const token = getFragmentData(ApiTokenRowFragment, props.token);
  const [confirming, setConfirming] = useState(false);
  const [result, revoke] = useMutation(RevokeApiTokenMutation);
  const expired = new Date(token.expiresAt).getTime() <= Date.now();
  return (
    <li className="row" data-testid={`api-token-${token.id}`}>
      <div>
        <strong>{token.name}</strong>
        <ul className="chips" aria-label={`Scopes of ${token.name}`}>
          {token.scopes.map((scope) => (
            <li key={scope} className="tag">
              {scope}
            </li>
          ))}
        </ul>
        <p className="muted">
          Created {formatDate(token.createdAt)} · {expired ? "expired" : "expires"} {formatDate(token.expiresAt)} ·{" "}
          {token.lastUsedAt ? `last used ${formatDateTime(token.lastUsedAt)}` : "never used"}
        </p>
      </div>
      <button type="button" className="danger" onClick={() => setConfirming(true)}>
        Revoke {token.name}
      </button>
      <Dialog open={confirming} title={`Revoke ${token.name}?`} onClose={() => setConfirming(false)}>
        <p>Whoever holds this token loses access within 30 seconds. This cannot be undone.</p>
        <FormError message={formError(result.error)} />
        <div className="actions">
          <button type="button" onClick={() => setConfirming(false)}>
            Cancel
          </button>
          <button
            type="button"
            className="danger"
            disabled={result.fetching}
            onClick={async () => {
              const answer = await revoke({ id: token.id });
              if (!answer.error) setConfirming(false);
            }}
          >
            Revoke
          </button>
        </div>
      </Dialog>
    </li>
  );
}

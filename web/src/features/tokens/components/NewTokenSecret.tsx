// A new token's secret, shown this once (only its hash is stored), with a copy button.
import { useState } from "react";

export function NewTokenSecret({ name, token, onDone }: { name: string; token: string; onDone: () => void }) {
  const [copied, setCopied] = useState(false);
  return (
    <section className="card secret" role="region" aria-labelledby="new-token-title">
      <h2 id="new-token-title">Your new token “{name}”</h2>
      <p className="warning" role="alert">
        Copy it now: this is the only time it is shown. Whoever holds it acts for you within its scopes; keep it secret.
      </p>
      <div className="secret-line">
        <input readOnly aria-label="Token secret" value={token} onFocus={(event) => event.target.select()} />
        <button
          type="button"
          onClick={async () => {
            await navigator.clipboard?.writeText(token);
            setCopied(true);
          }}
        >
          {copied ? "Copied" : "Copy"}
        </button>
      </div>
      <p role="status" className="muted">{copied ? "Copied to the clipboard." : ""}</p>
      <button type="button" onClick={onDone}>
        I have copied it
      </button>
    </section>
  );
}

// Create a partner API token: a name, the scopes it may use, when it expires; its secret is then shown once.
import { useState, type FormEvent } from "react";
import { useMutation } from "urql";
import { FormError, TextField } from "@/components/Field";
import { dayStartIso } from "@/lib/dates";
import { fieldErrors, formError } from "@/lib/errors";
import { CreateApiTokenMutation } from "../api/tokens";
import { dayFromToday, SCOPES } from "../lib/scopes";
import { NewTokenSecret } from "./NewTokenSecret";

export function ApiTokenForm() {
  const [result, create] = useMutation(CreateApiTokenMutation);
  const [name, setName] = useState("");
  const [scopes, setScopes] = useState<string[]>([]);
  const [expiresOn, setExpiresOn] = useState(() => dayFromToday(90));
  const [created, setCreated] = useState<{ name: string; token: string } | null>(null);
  const errors = fieldErrors(result.error);

  function toggle(scope: string, on: boolean) {
    setScopes((current) => (on ? [...current, scope] : current.filter((item) => item !== scope)));
  }

  async function submit(event: FormEvent) {
    event.preventDefault();
    setCreated(null);
    const answer = await create({
      input: { name: name.trim(), scopes, expiresAt: expiresOn ? dayStartIso(expiresOn) : null },
    });
    const payload = answer.data?.createApiToken;
    if (payload) {
      setCreated({ name: payload.apiToken.name, token: payload.token });
      setName("");
      setScopes([]);
      setExpiresOn(dayFromToday(90));
    }
  }

  return (
    <>
      {created ? <NewTokenSecret name={created.name} token={created.token} onDone={() => setCreated(null)} /> : null}
      <form className="form card" onSubmit={submit} noValidate aria-label="New API token">
        <h2>New API token</h2>
        <TextField
          label="Name"
          name="name"
          value={name}
          onChange={(event) => setName(event.target.value)}
          error={errors.name}
          hint="Who or what it is for, e.g. the partner's name."
          required
        />
        <fieldset className="scopes" aria-describedby={errors.scopes ? "scopes-error" : undefined} aria-invalid={errors.scopes ? true : undefined}>
          <legend>Scopes</legend>
          {SCOPES.map(({ scope, description }) => (
            <label key={scope} className="scope">
              <input type="checkbox" checked={scopes.includes(scope)} onChange={(event) => toggle(scope, event.target.checked)} />
              <span>
                <code>{scope}</code> <span className="muted">{description}</span>
              </span>
            </label>
          ))}
          {errors.scopes ? (
            <small id="scopes-error" className="field-error" role="alert">
              {errors.scopes}
            </small>
          ) : null}
        </fieldset>
        <TextField
          label="Expires on"
          name="expiresAt"
          type="date"
          value={expiresOn}
          onChange={(event) => setExpiresOn(event.target.value)}
          error={errors.expiresAt}
          hint="At most a year away; empty means in 90 days."
        />
        <FormError message={errors.input ?? formError(result.error)} />
        <button className="primary" type="submit" disabled={result.fetching}>
          Create token
        </button>
      </form>
    </>
  );
}

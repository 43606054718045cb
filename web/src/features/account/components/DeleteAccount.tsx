// Delete the account, confirmed with the password in a dialog; then the session ends and sign-in shows.
import { useState, type FormEvent } from "react";
import { useNavigate } from "react-router";
import { useMutation } from "urql";
import { Dialog } from "@/components/Dialog";
import { FormError, TextField } from "@/components/Field";
import { writeSession } from "@/lib/session";
import { DeleteMyAccountMutation } from "../api/account";

export function DeleteAccount() {
  const navigate = useNavigate();
  const [open, setOpen] = useState(false);
  const [password, setPassword] = useState("");
  const [result, remove] = useMutation(DeleteMyAccountMutation);
  // A wrong password is UNAUTHENTICATED on `password` (not a field of an input): shown at the field too.
  const errors = result.error?.graphQLErrors ?? [];
  const atPassword = errors.find((item) => (item.extensions as { field?: string }).field === "password");
  const other = errors.filter((item) => item !== atPassword).map((item) => item.message).join(" ");

  async function submit(event: FormEvent) {
    event.preventDefault();
    const answer = await remove({ password });
    if (answer.data?.deleteMyAccount) {
      writeSession(null);
      navigate("/signin", { replace: true });
    }
  }

  return (
    <>
      <div className="actions">
        <button type="button" className="danger" onClick={() => setOpen(true)}>
          Delete my account…
        </button>
      </div>
      <Dialog open={open} title="Delete your account?" onClose={() => setOpen(false)}>
        <form className="form" onSubmit={submit} noValidate>
          <p>Everything jobgraph holds about you is erased, in every part of it. This cannot be undone.</p>
          <TextField
            label="Your password"
            name="password"
            type="password"
            autoComplete="current-password"
            value={password}
            onChange={(event) => setPassword(event.target.value)}
            error={atPassword?.message}
            required
          />
          <FormError message={result.error?.networkError ? "The server cannot be reached. Try again in a moment." : other || null} />
          <div className="actions">
            <button type="button" onClick={() => setOpen(false)}>
              Cancel
            </button>
            <button type="submit" className="danger" disabled={result.fetching || !password}>
              Delete my account
            </button>
          </div>
        </form>
      </Dialog>
    </>
  );
}

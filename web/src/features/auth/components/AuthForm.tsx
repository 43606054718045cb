// The sign-in and sign-up form: fields, the graph's field errors beside them, and the session stored on success.
import { useState, type FormEvent } from "react";
import { Link } from "react-router";
import { useMutation } from "urql";
import { FormError, TextField } from "@/components/Field";
import { fieldErrors, formError } from "@/lib/errors";
import { writeSession } from "@/lib/session";
import { LoginMutation, RegisterMutation } from "../api/auth";

export function AuthForm({ mode }: { mode: "signin" | "signup" }) {
  const [register, doRegister] = useMutation(RegisterMutation);
  const [login, doLogin] = useMutation(LoginMutation);
  const [values, setValues] = useState({ name: "", email: "", password: "" });
  const result = mode === "signup" ? register : login;
  const errors = fieldErrors(result.error);
  const set = (key: keyof typeof values) => (event: { target: { value: string } }) =>
    setValues((current) => ({ ...current, [key]: event.target.value }));

  async function submit(event: FormEvent) {
    event.preventDefault();
    const answer =
      mode === "signup"
        ? (await doRegister({ input: values })).data?.register
        : (await doLogin({ input: { email: values.email, password: values.password } })).data?.login;
    if (answer) {
      // The app then leaves the signed-out screens (see app/App.tsx).
      writeSession({ token: answer.token, refreshToken: answer.refreshToken, userId: answer.user.id });
    }
  }

  const title = mode === "signup" ? "Create your account" : "Sign in";
  return (
    <main className="auth">
      <form className="card form" onSubmit={submit} noValidate aria-label={title}>
        <h1>{title}</h1>
        <p className="muted">Track every application, interview and contact of your job search.</p>
        {mode === "signup" ? (
          <TextField label="Name" name="name" autoComplete="name" value={values.name} onChange={set("name")} error={errors.name} required />
        ) : null}
        <TextField label="Email" name="email" type="email" autoComplete="email" value={values.email} onChange={set("email")} error={errors.email} required />
        <TextField
          label="Password"
          name="password"
          type="password"
          autoComplete={mode === "signup" ? "new-password" : "current-password"}
          value={values.password}
          onChange={set("password")}
          error={errors.password}
          hint={mode === "signup" ? "At least 8 characters." : undefined}
          required
        />
        <FormError message={formError(result.error)} />
        <button className="primary" type="submit" disabled={result.fetching}>
          {mode === "signup" ? "Sign up" : "Sign in"}
        </button>
        {mode === "signup" ? (
          <p>
            Have an account? <Link to="/signin">Sign in</Link>
          </p>
        ) : (
          <p>
            New here? <Link to="/signup">Create an account</Link>
          </p>
        )}
      </form>
    </main>
  );
}

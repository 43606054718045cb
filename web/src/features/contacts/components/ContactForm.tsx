// Save a contact; one linked to a registered person as soon as the email matches theirs.
import { useState, type FormEvent } from "react";
import { useMutation } from "urql";
import { FormError, TextArea, TextField } from "@/components/Field";
import { fieldErrors, formError } from "@/lib/errors";
import { CreateContactMutation } from "../api/contacts";

const EMPTY = { name: "", position: "", company: "", email: "", phone: "", notes: "" };

export function ContactForm() {
  const [result, create] = useMutation(CreateContactMutation);
  const [form, setForm] = useState(EMPTY);
  const errors = fieldErrors(result.error);
  const set = (key: keyof typeof form) => (event: { target: { value: string } }) =>
    setForm((current) => ({ ...current, [key]: event.target.value }));
  const blank = (value: string) => value.trim() || null;

  async function submit(event: FormEvent) {
    event.preventDefault();
    const answer = await create({
      input: {
        name: form.name.trim(),
        position: blank(form.position),
        company: blank(form.company),
        email: blank(form.email),
        phone: blank(form.phone),
        notes: blank(form.notes),
      },
    });
    if (answer.data) setForm(EMPTY);
  }

  return (
    <form className="form" onSubmit={submit} noValidate aria-label="New contact">
      <div className="form-row">
        <TextField label="Name" name="name" value={form.name} onChange={set("name")} error={errors.name} required />
        <TextField label="Email" name="email" type="email" value={form.email} onChange={set("email")} error={errors.email} />
      </div>
      <div className="form-row">
        <TextField label="Position" name="position" value={form.position} onChange={set("position")} error={errors.position} />
        <TextField label="Company" name="company" value={form.company} onChange={set("company")} error={errors.company} />
        <TextField label="Phone" name="phone" type="tel" value={form.phone} onChange={set("phone")} error={errors.phone} />
      </div>
      <TextArea label="Notes" name="notes" rows={2} value={form.notes} onChange={set("notes")} error={errors.notes} />
      <FormError message={formError(result.error)} />
      <button className="primary" type="submit" disabled={result.fetching}>
        Save contact
      </button>
    </form>
  );
}

// Edit your profile: every field, skills and links; the graph's field errors show next to each.
import { useState, type FormEvent } from "react";
import { useMutation } from "urql";
import { graphql, getFragmentData, type FragmentType } from "@/gql";
import { FormError, TextField } from "@/components/Field";
import { fieldErrors, formError } from "@/lib/errors";
import { UpdateProfileMutation } from "../api/people";

export const ProfileFormValuesFragment = graphql(`
  fragment ProfileFormValues on User {
    name
    email
    phone
    showEmail
    showPhone
    headline
    location
    skills
    links {
      label
      url
    }
  }
`);

export function ProfileForm(props: { user: FragmentType<typeof ProfileFormValuesFragment> }) {
  const user = getFragmentData(ProfileFormValuesFragment, props.user);
  const [result, update] = useMutation(UpdateProfileMutation);
  const [saved, setSaved] = useState(false);
  const [form, setForm] = useState({
    name: user.name,
    email: user.email ?? "",
    phone: user.phone ?? "",
    headline: user.headline ?? "",
    location: user.location ?? "",
    skills: user.skills.join(", "),
  });
  // Email and phone are private unless the person shows them (a contact links to a profile only then).
  const [shown, setShown] = useState({ showEmail: user.showEmail, showPhone: user.showPhone });
  const [links, setLinks] = useState(user.links.map(({ label, url }) => ({ label, url })));
  const errors = fieldErrors(result.error);
  const set = (key: keyof typeof form) => (event: { target: { value: string } }) => {
    setSaved(false);
    setForm((current) => ({ ...current, [key]: event.target.value }));
  };

  async function submit(event: FormEvent) {
    event.preventDefault();
    const answer = await update({
      input: {
        name: form.name.trim(),
        email: form.email.trim(),
        phone: form.phone.trim() || null,
        headline: form.headline.trim() || null,
        location: form.location.trim() || null,
        skills: form.skills.split(",").map((skill) => skill.trim()).filter(Boolean),
        links: links.filter((link) => link.label.trim() || link.url.trim()),
        ...shown,
      },
    });
    setSaved(Boolean(answer.data));
  }

  return (
    <form className="form card" onSubmit={submit} noValidate aria-label="Your profile">
      <h2>Edit profile</h2>
      <div className="form-row">
        <TextField label="Name" name="name" value={form.name} onChange={set("name")} error={errors.name} />
        <TextField label="Email" name="email" type="email" value={form.email} onChange={set("email")} error={errors.email} />
        <TextField label="Phone" name="phone" type="tel" value={form.phone} onChange={set("phone")} error={errors.phone} />
      </div>
      <div className="form-row">
        <label>
          <input
            type="checkbox"
            checked={shown.showEmail}
            onChange={(event) => {
              setSaved(false);
              setShown((current) => ({ ...current, showEmail: event.target.checked }));
            }}
          />{" "}
          Show my email to signed-in people
        </label>
        <label>
          <input
            type="checkbox"
            checked={shown.showPhone}
            onChange={(event) => {
              setSaved(false);
              setShown((current) => ({ ...current, showPhone: event.target.checked }));
            }}
          />{" "}
          Show my phone to signed-in people
        </label>
      </div>
      <div className="form-row">
        <TextField label="Headline" name="headline" value={form.headline} onChange={set("headline")} error={errors.headline} />
        <TextField label="Location" name="location" value={form.location} onChange={set("location")} error={errors.location} />
      </div>
      <TextField label="Skills" name="skills" value={form.skills} onChange={set("skills")} error={errors.skills} hint="Separated by commas." />
      <fieldset>
        <legend>Links</legend>
        {links.map((link, index) => (
          <div className="form-row" key={index}>
            <TextField
              label={`Link ${index + 1} label`}
              value={link.label}
              onChange={(event) => setLinks((current) => current.map((item, at) => (at === index ? { ...item, label: event.target.value } : item)))}
            />
            <TextField
              label={`Link ${index + 1} URL`}
              type="url"
              value={link.url}
              error={index === 0 ? (errors.links ?? errors.url) : undefined}
              onChange={(event) => setLinks((current) => current.map((item, at) => (at === index ? { ...item, url: event.target.value } : item)))}
            />
            <button type="button" className="small" onClick={() => setLinks((current) => current.filter((_, at) => at !== index))}>
              Remove link {index + 1}
            </button>
          </div>
        ))}
        <button type="button" className="small" onClick={() => setLinks((current) => [...current, { label: "", url: "" }])}>
          Add a link
        </button>
      </fieldset>
      <FormError message={formError(result.error)} />
      <div className="actions">
        {saved ? (
          <span role="status" className="muted">
            Saved.
          </span>
        ) : null}
        <button className="primary" type="submit" disabled={result.fetching}>
          Save profile
        </button>
      </div>
    </form>
  );
}

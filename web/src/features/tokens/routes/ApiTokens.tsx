// /settings/api-tokens — the partner API tokens you have given out: create one, see them, revoke one.
import { Link } from "react-router";
import { useQuery } from "urql";
import { Empty, ErrorNote, Loading } from "@/components/States";
import { ApiTokensQuery } from "../api/tokens";
import { ApiTokenForm } from "../components/ApiTokenForm";
import { ApiTokenRow } from "../components/ApiTokenRow";

export default function ApiTokens() {
  const [{ data, fetching, error }] = useQuery({ query: ApiTokensQuery });
  return (
    <div className="page">
      <div className="page-head">
        <h1>Partner API tokens</h1>
        <Link to="/profile">Back to your profile</Link>
      </div>
      <p className="muted">
        A token lets a career coach, job board or bootcamp call the graph for you, limited to the scopes you grant.
      </p>
      <ApiTokenForm />
      <section className="card" aria-labelledby="tokens-title">
        <h2 id="tokens-title">Your tokens</h2>
        {error && !data ? <ErrorNote error={error} /> : null}
        {!data ? (
          fetching ? <Loading /> : null
        ) : data.apiTokens.length ? (
          <ul className="rows">
            {data.apiTokens.map((token) => (
              <ApiTokenRow key={token.id} token={token} />
            ))}
          </ul>
        ) : (
          <Empty>No tokens yet.</Empty>
        )}
      </section>
    </div>
  );
}

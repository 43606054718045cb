// /applications/new
import { useNavigate } from "react-router";
import { useMutation } from "urql";
import { CreateApplicationMutation } from "../api/applications";
import { ApplicationForm } from "../components/ApplicationForm";

export default function NewApplication() {
  const navigate = useNavigate();
  const [result, create] = useMutation(CreateApplicationMutation);
  return (
    <div className="page">
      <h1>Add an application</h1>
      <div className="card">
        <ApplicationForm
          withStatus
          submitLabel="Save application"
          busy={result.fetching}
          error={result.error}
          onSubmit={async (values) => {
            const answer = await create({ input: values });
            const id = answer.data?.createApplication.id;
            if (id) navigate(`/applications/${id}`);
          }}
        />
      </div>
    </div>
  );
}

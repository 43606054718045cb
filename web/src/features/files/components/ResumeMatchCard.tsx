// How well the resume covers the job description: the score as a meter, matched and missing keywords.
import { Link } from "react-router";

interface Match {
  score: number;
  matchedKeywords: string[];
  missingKeywords: string[];
  suggestions: string[];
}

export function ResumeMatchCard({ match, hasDescription }: { match: Match | null | undefined; hasDescription: boolean }) {
  return (
    <section className="card" aria-labelledby="match-title">
      <h2 id="match-title">Resume match</h2>
      {!match ? (
        <p className="muted">
          {hasDescription ? (
            <>
              No match to show: put a resume on <Link to="/profile">your profile</Link>, and make sure the job description
              names the skills the job needs.
            </>
          ) : (
            "Add the job description to see how well your resume covers it."
          )}
        </p>
      ) : (
        <>
          <p>
            <strong className="match-score" data-testid="match-score">
              {match.score}%
            </strong>{" "}
            of the job's keywords are in your resume
          </p>
          <meter min={0} max={100} low={40} high={70} optimum={100} value={match.score} aria-label="Resume match score" />
          {match.matchedKeywords.length ? (
            <p>
              <span className="muted">Matched: </span>
              {match.matchedKeywords.map((word) => (
                <span key={word} className="tag tag--match">
                  {word}
                </span>
              ))}
            </p>
          ) : null}
          {match.missingKeywords.length ? (
            <p>
              <span className="muted">Missing: </span>
              {match.missingKeywords.map((word) => (
                <span key={word} className="tag">
                  {word}
                </span>
              ))}
            </p>
          ) : null}
          {match.suggestions.length ? (
            <ul>
              {match.suggestions.map((line) => (
                <li key={line}>{line}</li>
              ))}
            </ul>
          ) : null}
        </>
      )}
    </section>
  );
}

// A card on the board: draggable to another column, with a "Move" button as the keyboard alternative; priority,
// deadline and tags when it has them.
import { Link } from "react-router";
import { graphql, getFragmentData, type FragmentType } from "@/gql";
import type { ApplicationStatus } from "@/gql/graphql";
import { formatDate } from "@/lib/dates";
import { Tags } from "./Tags";

export const ApplicationCardFragment = graphql(`
  fragment ApplicationCard on Application {
    id
    company
    position
    location
    status
    priority
    deadline
    tags
  }
`);

export type CardData = {
  id: string;
  company: string;
  position: string;
  location?: string | null;
  status: ApplicationStatus;
  priority?: number | null;
  deadline?: string | null;
  tags?: readonly string[];
};

export function readCard(card: FragmentType<typeof ApplicationCardFragment>): CardData {
  return getFragmentData(ApplicationCardFragment, card);
}

export function ApplicationCard({ card, onMove }: { card: CardData; onMove: (card: CardData) => void }) {
  return (
    <li
      className="board-card"
      draggable
      data-testid={`card-${card.id}`}
      onDragStart={(event) => {
        event.dataTransfer.setData("text/plain", card.id);
        event.dataTransfer.effectAllowed = "move";
      }}
    >
      <Link to={`/applications/${card.id}`} className="board-card-title">
        {card.position}
      </Link>
      <span>{card.company}</span>
      {card.location ? <span className="muted">{card.location}</span> : null}
      {card.priority != null || card.deadline ? (
        <span className="board-card-meta">
          {card.priority != null ? <span aria-label={`Priority ${card.priority} of 5`}>{"★".repeat(card.priority)}</span> : null}
          {card.deadline ? <span>Due {formatDate(card.deadline)}</span> : null}
        </span>
      ) : null}
      {card.tags?.length ? <Tags tags={card.tags} /> : null}
      <button type="button" className="small" onClick={() => onMove(card)} aria-label={`Move ${card.position} at ${card.company}`}>
        Move…
      </button>
    </li>
  );
}

// The board: one column per status; dropping a card (or choosing "Move…") asks for a note, then moves it.
import { useState } from "react";
import { useMutation } from "urql";
import { STATUSES, statusLabel } from "@/components/StatusBadge";
import type { ApplicationStatus } from "@/gql/graphql";
import { ErrorNote } from "@/components/States";
import { ChangeStatusMutation } from "../api/applications";
import { ApplicationCard, type CardData } from "./ApplicationCard";
import { MoveDialog, type Move } from "./MoveDialog";

/** Cards grouped by status, in the board's column order. */
export function groupByStatus(cards: CardData[]): Map<ApplicationStatus, CardData[]> {
  const columns = new Map<ApplicationStatus, CardData[]>(STATUSES.map((status) => [status, []]));
  cards.forEach((card) => columns.get(card.status)?.push(card));
  return columns;
}

export function Board({ cards }: { cards: CardData[] }) {
  const [move, setMove] = useState<Move | null>(null);
  const [over, setOver] = useState<ApplicationStatus | null>(null);
  const [result, changeStatus] = useMutation(ChangeStatusMutation);
  const columns = groupByStatus(cards);
  const title = (card: CardData) => `${card.position} at ${card.company}`;

  return (
    <>
      {result.error ? <ErrorNote error={result.error} /> : null}
      <div className="board">
        {[...columns].map(([status, items]) => (
          <section
            key={status}
            className={over === status ? "board-column board-column--over" : "board-column"}
            aria-labelledby={`column-${status}`}
            data-testid={`column-${status}`}
            onDragOver={(event) => {
              event.preventDefault();
              setOver(status);
            }}
            onDragLeave={() => setOver(null)}
            onDrop={(event) => {
              event.preventDefault();
              setOver(null);
              const card = cards.find((item) => item.id === event.dataTransfer.getData("text/plain"));
              if (card && card.status !== status) setMove({ id: card.id, title: title(card), status });
            }}
          >
            <h2 id={`column-${status}`}>
              {statusLabel(status)} <span className="muted">{items.length}</span>
            </h2>
            <ul>
              {items.map((card) => (
                <ApplicationCard key={card.id} card={card} onMove={(it) => setMove({ id: it.id, title: title(it), status: it.status })} />
              ))}
            </ul>
          </section>
        ))}
      </div>
      <MoveDialog
        move={move}
        onCancel={() => setMove(null)}
        onConfirm={(status, note) => {
          if (move) void changeStatus({ id: move.id, status, note });
          setMove(null);
        }}
      />
    </>
  );
}

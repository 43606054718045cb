// The app: one GraphQL client per session, the signed-out screens, and the signed-in ones inside the layout.
import { Suspense, useMemo } from "react";
import { BrowserRouter, Navigate, Route, Routes, useLocation } from "react-router";
import { Provider } from "urql";
import { Loading } from "@/components/States";
import { useSession } from "@/features/auth";
import { createClient } from "@/lib/client";
import { writeSession } from "@/lib/session";
import { Layout } from "./Layout";
import { SIGNED_IN_ROUTES, SignIn, SignUp } from "./routes";

/** The signed-out screens; once signed in, back to the screen that asked for it (else the dashboard). */
function SignedOutOnly({ signedIn, children }: { signedIn: boolean; children: React.ReactNode }) {
  const from = (useLocation().state as { from?: string } | null)?.from ?? "/";
  return signedIn ? <Navigate to={from} replace /> : <>{children}</>;
}

function RequireSession({ signedIn, children }: { signedIn: boolean; children: React.ReactNode }) {
  const location = useLocation();
  return signedIn ? <>{children}</> : <Navigate to="/signin" replace state={{ from: location.pathname }} />;
}

export function App() {
  const session = useSession();
  const userId = session?.userId ?? null;
  // A new client (and cache) per person: nothing cached for one is ever shown to the next.
  const client = useMemo(() => createClient(() => writeSession(null)), [userId]);
  const signedIn = userId !== null;
  return (
    <Provider value={client}>
      <BrowserRouter>
        <Suspense fallback={<Loading />}>
          <Routes>
            <Route path="/signin" element={<SignedOutOnly signedIn={signedIn}><SignIn /></SignedOutOnly>} />
            <Route path="/signup" element={<SignedOutOnly signedIn={signedIn}><SignUp /></SignedOutOnly>} />
            <Route
              element={
                <RequireSession signedIn={signedIn}>
                  <Layout onSignOut={() => writeSession(null)} />
                </RequireSession>
              }
            >
              {SIGNED_IN_ROUTES.map(({ path, Component }) => (
                <Route
                  key={path}
                  path={path}
                  element={
                    <Suspense fallback={<Loading />}>
                      <Component />
                    </Suspense>
                  }
                />
              ))}
              <Route path="*" element={<p>Page not found.</p>} />
            </Route>
          </Routes>
        </Suspense>
      </BrowserRouter>
    </Provider>
  );
}

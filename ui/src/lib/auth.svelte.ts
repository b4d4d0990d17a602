// Who is signed in, for every screen: the shell sets it, the screens read it through `may`.
// Hiding by role is a convenience only; the Rust side refuses what a role may not do.
import { can, canAny, type Action, type AuthState, type SignedIn } from "./auth";

export const auth: { state: AuthState | null; signedIn: SignedIn | null } = $state({ state: null, signedIn: null });

/** Whether the signed-in person's role may do `action`. */
export function may(action: Action): boolean {
  return can(auth.signedIn, action);
}

/** Whether the signed-in person's role may do any one of `actions`. */
export function mayAny(...actions: Action[]): boolean {
  return canAny(auth.signedIn, actions);
}

/**
 * May this person sign in with a password? (record 0022b) No, only when every
 * one of their memberships lies solely in partnerships that chose single
 * sign-on only. A membership outside any partnership, one that is also in a
 * partnership that still allows passwords, an admin role, or no membership at
 * all keeps passwords available, so nobody is locked out by a setting they
 * cannot see, and the platform admin can always get in.
 */
export function passwordLoginAllowed(
  memberships: readonly { role: string; partnershipIds: readonly string[] }[],
  ssoOnlyPartnershipIds: ReadonlySet<string>,
): boolean {
  if (memberships.length === 0) return true;
  return memberships.some(
    (m) => m.role === "admin" || m.partnershipIds.length === 0 || m.partnershipIds.some((id) => !ssoOnlyPartnershipIds.has(id)),
  );
}

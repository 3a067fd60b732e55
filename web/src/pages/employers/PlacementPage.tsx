// Placeholder until the employers screens land (issue 7).
export function PlacementPage() {
  return null;
}

// Placeholder until the supports screens land (issue 7).
export function SupportRequestPage() {
  return null;
}
